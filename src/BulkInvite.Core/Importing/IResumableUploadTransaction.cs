using BulkInvite.Core.Auditing;

namespace BulkInvite.Core.Importing;

/// <summary>One write, finish or cancel of a resumable upload in progress; disposing it without committing rolls back.</summary>
public interface IResumableUploadTransaction : IDisposable
{
    /// <summary>The upload as read (and locked) by the transaction; null when there is none with the id.</summary>
    ResumableUpload? Upload { get; }

    /// <summary>
    /// Stores <paramref name="bytes"/> after the bytes stored so far, durably (flushed to disk, or in
    /// the transaction's rows), and notes the write's time; <see cref="Upload"/> then tells the new size.
    /// </summary>
    void Append(ReadOnlyMemory<byte> bytes, DateTimeOffset now);

    /// <summary>The bytes stored, appended ones included, as a seekable stream the caller disposes.</summary>
    Stream OpenStoredBytes();

    void Commit();

    /// <summary>
    /// Stores the import (which has the upload's id) and its audit entry, marks the upload finished,
    /// and commits; the stored bytes are the import's file from then on.
    /// </summary>
    void Finish(ImportRecord import, AuditEvent audit);

    /// <summary>Deletes the upload and its bytes, and commits.</summary>
    void Delete();
}
