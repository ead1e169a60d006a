using BulkInvite.Core.Auditing;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Resumable uploads and their bytes, stored so that they survive a restart and, on PostgreSQL, are
/// reached from every server: the upload's row, and its bytes in the engine's upload store (a file
/// on SQLite, chunk rows on PostgreSQL).
/// </summary>
public interface IResumableUploadStore
{
    /// <summary>
    /// Records a new upload with no bytes, unless the organization already has
    /// <paramref name="maxInProgress"/> uploads in progress (unfinished, and last written after
    /// <paramref name="idleCutoff"/>: one written at or before it has expired): then records nothing
    /// and returns how many it has. Counting and recording are one step for every server (the
    /// organization's uploads are counted under a lock).
    /// </summary>
    Task<int?> TryStartAsync(ResumableUpload upload, int maxInProgress, DateTimeOffset idleCutoff, CancellationToken cancellationToken);

    /// <summary>How many uploads of the organization are in progress: unfinished, and last written after <paramref name="idleCutoff"/>.</summary>
    Task<int> CountInProgressAsync(string organizationId, DateTimeOffset idleCutoff, CancellationToken cancellationToken);

    Task<ResumableUpload?> FindAsync(string uploadId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the write transaction of one upload, reading it first: a second write of the same upload
    /// (a retry racing the original, on any server) waits until this one ends and then reads what it stored.
    /// </summary>
    IResumableUploadTransaction BeginWrite(string uploadId);

    /// <summary>
    /// Deletes, with their bytes, the unfinished uploads last written at or before
    /// <paramref name="idleCutoff"/> (expired), and the rows of finished uploads whose import is gone or
    /// that were finished before <paramref name="finishedBefore"/>. Safe to run on every server at once.
    /// Returns how many unfinished uploads it deleted.
    /// </summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset idleCutoff, DateTimeOffset finishedBefore, CancellationToken cancellationToken);
}
