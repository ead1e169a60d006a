using System.Data.Common;

namespace BulkInvite.Storage;

/// <summary>
/// Where an engine keeps the bytes of resumable uploads, each under the upload's id (which the
/// finished upload's import takes): a part file in the uploads folder (SQLite), or chunk rows of the
/// uploads table (PostgreSQL). The methods taking a transaction run inside the upload's write
/// transaction (<see cref="ResumableUploadRepository"/>); the After… ones once it committed, for the
/// file moves and deletes that must not happen before.
/// </summary>
internal interface IResumableUploadBytes
{
    /// <summary>Readies an empty file for a new upload.</summary>
    void Create(DbConnection connection, DbTransaction transaction, string uploadId, long now);

    /// <summary>
    /// Stores <paramref name="bytes"/> after the first <paramref name="persistedSize"/> bytes, durably
    /// before returning (flushed to disk, or rows the commit makes durable). Bytes a failed write left
    /// past <paramref name="persistedSize"/> are dropped first.
    /// </summary>
    void Append(DbConnection connection, DbTransaction transaction, string uploadId, long persistedSize, ReadOnlyMemory<byte> bytes, long now);

    /// <summary>The first <paramref name="size"/> bytes stored, as a seekable stream the caller disposes.</summary>
    Stream OpenRead(DbConnection connection, DbTransaction transaction, string uploadId, long size);

    /// <summary>Deletes the bytes of uploads whose rows the transaction deletes, when they are rows.</summary>
    void Delete(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> uploadIds);

    /// <summary>Deletes the bytes of deleted uploads, when they are files.</summary>
    void AfterDelete(IReadOnlyCollection<string> uploadIds);

    /// <summary>Makes the bytes of a finished upload its import's file, when that takes a move.</summary>
    void AfterFinish(string uploadId);
}
