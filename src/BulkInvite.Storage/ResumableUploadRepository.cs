using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Resumable uploads, through Dapper, written once for both engines: their rows here, their bytes
/// where the engine's upload store keeps them (<see cref="IResumableUploadBytes"/>).
/// </summary>
internal sealed class ResumableUploadRepository(StoreDialect dialect, IResumableUploadBytes bytes) : Repository(dialect), IResumableUploadStore
{
    private const string CountInProgress =
        "SELECT COUNT(*) FROM resumable_uploads WHERE organization_id = @organizationId AND import_id IS NULL AND last_write_time > @idleCutoff";

    public async Task<int?> TryStartAsync(ResumableUpload upload, int maxInProgress, DateTimeOffset idleCutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken);
        if (Dialect.LockUploadsOfOrganization is { } lockUploads)
        {
            await connection.ExecuteAsync(new CommandDefinition(lockUploads, new { organizationId = upload.OrganizationId }, transaction, cancellationToken: cancellationToken));
        }

        var inProgress = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            CountInProgress, new { organizationId = upload.OrganizationId, idleCutoff = idleCutoff.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        if (inProgress >= maxInProgress)
        {
            return inProgress;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO resumable_uploads ({ResumableUploadRow.Columns}) VALUES (@UploadId, @OrganizationId, @Subject, @FileName, @SizeBytes, @Sha256, " +
            "@PersistedSize, @StartTime, @LastWriteTime, @ImportId)",
            ResumableUploadRow.Parameters(upload), transaction, cancellationToken: cancellationToken));
        bytes.Create(connection, transaction, upload.UploadId, upload.StartTime.ToUnixTimeMilliseconds());
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<int> CountInProgressAsync(string organizationId, DateTimeOffset idleCutoff, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            CountInProgress, new { organizationId, idleCutoff = idleCutoff.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task<ResumableUpload?> FindAsync(string uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ResumableUploadRow>(new CommandDefinition(
            $"SELECT {ResumableUploadRow.Columns} FROM resumable_uploads WHERE upload_id = @uploadId", new { uploadId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public IResumableUploadTransaction BeginWrite(string uploadId) =>
        WriteTransaction.Start(new ResumableUploadTransaction(Dialect, Dialect.Open(), bytes, uploadId));

    public async Task<int> DeleteExpiredAsync(DateTimeOffset idleCutoff, DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        List<string> expired;
        await using (var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken))
        {
            // A write of one of them that holds its row meanwhile (PostgreSQL) is waited for; if it
            // wrote, the row is no longer expired and stays.
            expired = (await connection.QueryAsync<string>(new CommandDefinition(
                "DELETE FROM resumable_uploads WHERE import_id IS NULL AND last_write_time <= @idleCutoff RETURNING upload_id",
                new { idleCutoff = idleCutoff.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken))).ToList();
            bytes.Delete(connection, transaction, expired);
            // A finished upload only answers for its import: gone with it, or after the retention.
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM resumable_uploads WHERE import_id IS NOT NULL AND (last_write_time < @finishedBefore " +
                "OR NOT EXISTS (SELECT 1 FROM imports i WHERE i.import_id = resumable_uploads.import_id))",
                new { finishedBefore = finishedBefore.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        bytes.AfterDelete(expired);
        return expired.Count;
    }
}
