using System.Globalization;
using System.Security.Cryptography;
using BulkInvite.Core.Access;
using BulkInvite.Core.Telemetry;

namespace BulkInvite.Core.Importing;

/// <summary>
/// One upload in progress: counts, hashes and writes chunks as they arrive, so memory does not grow
/// with the file, and hands them to its check while uploading (<see cref="UploadPrecheck"/>) when
/// there is one. Disposing it before <see cref="CompleteAsync"/> succeeds keeps nothing: it stops
/// the pre-check, which deletes what it staged.
/// </summary>
public sealed class UploadSession : IAsyncDisposable
{
    private readonly ImportUploader _uploader;
    private readonly Caller _caller;
    private readonly IDisposable _slot;
    private readonly UploadMetadata _metadata;
    private readonly IUploadTarget _target;
    private readonly UploadPrecheck? _precheck;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly string _importId;
    private readonly ImportPhase _phase;
    private long _received;
    private bool _completed;

    internal UploadSession(ImportUploader uploader, Caller caller, string importId, UploadMetadata metadata, IUploadTarget target, UploadPrecheck? precheck, IDisposable slot, ImportPhase phase)
    {
        _precheck = precheck;
        _phase = phase;
        _uploader = uploader;
        _caller = caller;
        _slot = slot;
        _importId = importId;
        _metadata = metadata;
        _target = target;
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Length > BulkInviteOptions.MaxChunkBytes)
        {
            throw new InvalidRequestException("chunk", string.Create(CultureInfo.InvariantCulture, $"A chunk has {chunk.Length:N0} bytes; at most {BulkInviteOptions.MaxChunkBytes:N0} are allowed."));
        }

        _received += chunk.Length;
        if (_received > _uploader.MaxUploadBytes)
        {
            throw _uploader.UploadTooLarge(_metadata.OrganizationId);
        }

        _hash.AppendData(chunk.Span);
        await _target.Stream.WriteAsync(chunk, cancellationToken);
        if (_precheck is not null)
        {
            await _precheck.WriteAsync(chunk, cancellationToken);
        }
    }

    /// <summary>Verifies the declared size and digest, then stores the file and the new import.</summary>
    public async Task<ImportRecord> CompleteAsync(CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        var violations = ImportUploader.Mismatches(_metadata, _received, sha256);
        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }

        await _target.Stream.FlushAsync(cancellationToken);
        var import = await _uploader.StoreAsync(_caller, _importId, _metadata, _target, _precheck, _received, sha256, cancellationToken);
        _completed = true;
        _phase.Succeeded("uploaded", new Dictionary<string, long> { ["size_bytes"] = import.SizeBytes });
        return import;
    }

    public async ValueTask DisposeAsync()
    {
        _phase.Dispose(); // a failure, unless the upload completed
        _hash.Dispose();
        await _target.DisposeAsync();
        _slot.Dispose();
        if (!_completed && _precheck is not null)
        {
            await _precheck.FailUploadAsync(); // deletes what it staged
        }
    }
}
