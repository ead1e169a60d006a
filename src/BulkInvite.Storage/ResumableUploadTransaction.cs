using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// One write transaction on one resumable upload, which it reads first (locking its row on
/// PostgreSQL; SQLite's writer holds the whole database): a second write of the same upload, on any
/// server, waits for it and then reads the size it stored.
/// </summary>
internal sealed class ResumableUploadTransaction(StoreDialect dialect, DbConnection connection, IResumableUploadBytes bytes, string uploadId)
    : WriteTransaction(dialect, connection), IResumableUploadTransaction
{
    public ResumableUpload? Upload { get; private set; }

    private ResumableUpload Stored => Upload ?? throw new InvalidOperationException($"There is no upload {uploadId}.");

    protected override void Load() =>
        Upload = Connection.QuerySingleOrDefault<ResumableUploadRow>(
            $"SELECT {ResumableUploadRow.Columns} FROM resumable_uploads i WHERE i.upload_id = @uploadId {Dialect.RowLock}",
            new { uploadId }, Transaction)?.ToRecord();

    public void Append(ReadOnlyMemory<byte> data, DateTimeOffset now)
    {
        var upload = Stored;
        var time = now.ToUnixTimeMilliseconds();
        bytes.Append(Connection, Transaction, uploadId, upload.PersistedSize, data, time);
        var persistedSize = upload.PersistedSize + data.Length;
        Connection.Execute(
            "UPDATE resumable_uploads SET persisted_size = @persistedSize, last_write_time = @time WHERE upload_id = @uploadId",
            new { persistedSize, time, uploadId }, Transaction);
        Upload = upload with { PersistedSize = persistedSize, LastWriteTime = DateTimeOffset.FromUnixTimeMilliseconds(time) };
    }

    public Stream OpenStoredBytes() => bytes.OpenRead(Connection, Transaction, uploadId, Stored.PersistedSize);

    public void Commit() => Transaction.Commit();

    public void Finish(ImportRecord import, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(audit);
        ImportRepository.Insert(Connection, Transaction, Dialect, import);
        AuditLog.Record(Connection, Transaction, audit);
        Connection.Execute("UPDATE resumable_uploads SET import_id = @ImportId WHERE upload_id = @uploadId", new { import.ImportId, uploadId }, Transaction);
        Transaction.Commit();
        Upload = Stored with { ImportId = import.ImportId };
        bytes.AfterFinish(uploadId);
    }

    public void Delete()
    {
        Connection.Execute("DELETE FROM resumable_uploads WHERE upload_id = @uploadId", new { uploadId }, Transaction);
        bytes.Delete(Connection, Transaction, [uploadId]);
        Transaction.Commit();
        Upload = null;
        bytes.AfterDelete([uploadId]);
    }
}
