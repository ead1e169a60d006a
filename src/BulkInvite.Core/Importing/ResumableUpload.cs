namespace BulkInvite.Core.Importing;

/// <summary>
/// A resumable upload (StartResumableUpload … WriteUpload with finish_write), as stored: who started
/// it for which organization, what the metadata declared, how many bytes are stored, and once
/// finished the import it made. The import takes the upload's id, so the stored bytes become the
/// import's file without being copied.
/// </summary>
public sealed record ResumableUpload
{
    /// <summary>128 random bits as 32 lowercase hex digits (<see cref="ImportIds.New"/>).</summary>
    public required string UploadId { get; init; }

    public required string OrganizationId { get; init; }

    /// <summary>The token subject of the caller who started it.</summary>
    public required string Subject { get; init; }

    public required string FileName { get; init; }

    /// <summary>The size the metadata declared; 0 when it declared none.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>The SHA-256 the metadata declared; empty when it declared none.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The bytes from the start of the file stored durably: where the next write continues.</summary>
    public required long PersistedSize { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    /// <summary>When the last WriteUpload (or the start) reached it: the idle timeout counts from here.</summary>
    public required DateTimeOffset LastWriteTime { get; init; }

    /// <summary>The import a finishing write made (the upload's own id); null while it is in progress.</summary>
    public string? ImportId { get; init; }

    public bool Finished => ImportId is not null;

    /// <summary>Whether an upload in progress received nothing for <paramref name="idleTimeout"/>: it no longer exists for callers.</summary>
    public bool HasExpired(DateTimeOffset now, TimeSpan idleTimeout) => !Finished && now - LastWriteTime >= idleTimeout;

    /// <summary>The metadata it was started with.</summary>
    public UploadMetadata Metadata => new(OrganizationId, FileName, SizeBytes, Sha256);
}
