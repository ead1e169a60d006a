using System.Globalization;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Caps the uploads one organization has in progress at once, so one organization cannot take every
/// connection and disk write of the server. Counted per server process.
/// </summary>
public sealed class UploadSlots(BulkInviteOptions options)
{
    private readonly Dictionary<string, int> _inUse = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for the organization until the returned lease is disposed, or throws RESOURCE_EXHAUSTED.</summary>
    public IDisposable Acquire(string organizationId)
    {
        lock (_inUse)
        {
            var used = _inUse.GetValueOrDefault(organizationId);
            if (used >= options.MaxConcurrentUploadsPerOrganization)
            {
                throw new LimitExceededException(organizationId, "concurrent uploads", string.Create(CultureInfo.InvariantCulture,
                    $"{organizationId} already has {used} uploads in progress, the most allowed at once. Wait for one to finish and try again."));
            }

            _inUse[organizationId] = used + 1;
        }

        return new Lease(this, organizationId);
    }

    private void Release(string organizationId)
    {
        lock (_inUse)
        {
            if (--_inUse[organizationId] == 0)
            {
                _inUse.Remove(organizationId);
            }
        }
    }

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
