using System.Globalization;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Caps the uploads one organization has in progress at once (BulkInvite:MaxConcurrentUploadsPerOrganization),
/// so one organization cannot take every connection and disk write of the server. Both kinds of
/// upload share the one limit: an organization's uploads in progress are its resumable uploads that
/// are unfinished and not expired, counted in the store (so on every server at once), plus the
/// streamed uploads (UploadImportFile) running on this server, counted here for the length of their
/// stream. A new upload of either kind is refused with RESOURCE_EXHAUSTED when the two add up to the
/// limit. Streamed uploads on other servers are not counted: a stream lives on one server.
/// </summary>
public sealed class UploadSlots(BulkInviteOptions options, IResumableUploadStore resumable, TimeProvider clock) : IDisposable
{
    private readonly Dictionary<string, int> _streaming = new(StringComparer.Ordinal);

    // Starts of either kind on this server take turns: a count read for one cannot miss a slot the
    // other is taking. Held only while the store counts (and records a resumable upload).
    private readonly SemaphoreSlim _admission = new(1, 1);

    /// <summary>Takes a slot for a streamed upload until the returned lease is disposed, or throws RESOURCE_EXHAUSTED.</summary>
    public async Task<IDisposable> AcquireAsync(string organizationId, CancellationToken cancellationToken)
    {
        await _admission.WaitAsync(cancellationToken);
        try
        {
            var resumableInProgress = await resumable.CountInProgressAsync(organizationId, IdleCutoff(), cancellationToken);
            lock (_streaming)
            {
                var used = _streaming.GetValueOrDefault(organizationId) + resumableInProgress;
                if (used >= options.MaxConcurrentUploadsPerOrganization)
                {
                    throw Full(organizationId, used);
                }

                _streaming[organizationId] = _streaming.GetValueOrDefault(organizationId) + 1;
            }
        }
        finally
        {
            _admission.Release();
        }

        return new Lease(this, organizationId);
    }

    /// <summary>
    /// Records a new resumable upload in a slot of its organization, or throws RESOURCE_EXHAUSTED. The
    /// slot is the upload's until it is finished, cancelled or expires.
    /// </summary>
    public async Task StartResumableAsync(ResumableUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await _admission.WaitAsync(cancellationToken);
        try
        {
            var streaming = StreamingInProgress(upload.OrganizationId);
            if (await resumable.TryStartAsync(upload, options.MaxConcurrentUploadsPerOrganization - streaming, IdleCutoff(), cancellationToken) is { } stored)
            {
                throw Full(upload.OrganizationId, streaming + stored);
            }
        }
        finally
        {
            _admission.Release();
        }
    }

    /// <summary>Unfinished resumable uploads last written at or before it have expired; later ones are in progress.</summary>
    private DateTimeOffset IdleCutoff() => clock.Now() - options.UploadIdleTimeout;

    private int StreamingInProgress(string organizationId)
    {
        lock (_streaming)
        {
            return _streaming.GetValueOrDefault(organizationId);
        }
    }

    private static LimitExceededException Full(string organizationId, int used) =>
        new(organizationId, "concurrent uploads", string.Create(CultureInfo.InvariantCulture,
            $"{organizationId} already has {used} uploads in progress, the most allowed at once. Wait for one to finish (or cancel a resumable upload) and try again."));

    private void Release(string organizationId)
    {
        lock (_streaming)
        {
            if (--_streaming[organizationId] == 0)
            {
                _streaming.Remove(organizationId);
            }
        }
    }

    public void Dispose() => _admission.Dispose();

    private sealed class Lease(UploadSlots slots, string organizationId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release(organizationId);
            }
        }
    }
}
