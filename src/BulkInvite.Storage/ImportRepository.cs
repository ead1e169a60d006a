using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Imports, their staged users and diagnostics, through Dapper.</summary>
internal sealed class ImportRepository(StoreDialect dialect) : Repository(dialect), IImportRepository
{
    private const string InsertImport =
        $"INSERT INTO imports ({ImportRow.Columns}) VALUES (@ImportId, @OrganizationId, @FileName, @Format, @SizeBytes, @Sha256, @State, " +
        "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @Permissions, @ApplyRequestId, @CreateTime, @UpdateTime)";

    public async Task AddAsync(ImportRecord import, AuditEvent audit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertImport, ImportRow.Parameters(import), transaction, cancellationToken: cancellationToken));
        await AuditLog.RecordAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores a new import inside a transaction that does more (a resumable upload's finish).</summary>
    internal static void Insert(DbConnection connection, DbTransaction transaction, ImportRecord import) =>
        connection.Execute(InsertImport, ImportRow.Parameters(import), transaction);

    public async Task<ImportRecord?> FindAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ImportRecord>> ListAsync(string organizationId, ImportCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE organization_id = @organizationId " +
            "AND (CAST(@afterTime AS BIGINT) IS NULL OR (create_time, import_id) < (CAST(@afterTime AS BIGINT), CAST(@afterId AS TEXT))) " +
            "ORDER BY create_time DESC, import_id DESC LIMIT @limit",
            new { organizationId, afterTime = after?.CreateTime.ToUnixTimeMilliseconds(), afterId = after?.ImportId, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<bool> DeleteAsync(string importId, AuditEvent audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken);
        // Staged users and diagnostics go with it (ON DELETE CASCADE); invitations stay. The purge
        // listed the import before this transaction: one applied since (by another server, or by a
        // call that got SQLite's writer first) is not purged.
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM imports WHERE import_id = @importId AND (@purge = 0 OR state <> @applied)",
            new { importId, purge = audit.Action == AuditAction.Purged ? 1 : 0, applied = (int)ImportState.Applied },
            transaction, cancellationToken: cancellationToken)) > 0;
        if (deleted)
        {
            if (Dialect.DeleteStoredFile is { } deleteFile)
            {
                await connection.ExecuteAsync(new CommandDefinition(deleteFile, new { importId }, transaction, cancellationToken: cancellationToken));
            }

            await AuditLog.RecordAsync(connection, transaction, audit, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task DropStagedUsersAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staged_users WHERE import_id = @importId", new { importId }, commandTimeout: Dialect.GrowingWorkTimeout,
            cancellationToken: cancellationToken));
    }

    public async Task<int> DropStagedUsersOfAppliedImportsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staged_users WHERE import_id IN (SELECT import_id FROM imports WHERE state = @applied)",
            new { applied = (int)ImportState.Applied }, commandTimeout: Dialect.GrowingWorkTimeout, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ImportRecord>> ListUnappliedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE state <> @applied AND create_time < @cutoff ORDER BY create_time LIMIT @limit",
            new { applied = (int)ImportState.Applied, cutoff = cutoff.ToUnixTimeMilliseconds(), limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<Diagnostic>> ListFileDiagnosticsAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DiagnosticRow>(new CommandDefinition(
            $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_id = @importId AND row_number = 0 ORDER BY sequence",
            new { importId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDiagnostic()).ToList();
    }

    public async Task<IReadOnlyList<StoredDiagnostic>> ListRowDiagnosticsAsync(string importId, DiagnosticCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DiagnosticRow>(new CommandDefinition(
            $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_id = @importId " +
            "AND (row_number, sequence) > (@afterRow, @afterSequence) ORDER BY row_number, sequence LIMIT @limit",
            new { importId, afterRow = after?.RowNumber ?? 0, afterSequence = after?.Sequence ?? long.MaxValue, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredDiagnostic(r.ToDiagnostic(), r.Sequence)).ToList();
    }

    public ICheckTransaction BeginCheck(string importId) => WriteTransaction.Start(new CheckTransaction(Dialect, Dialect.Open(), importId));

    public IApplyTransaction BeginApply(string importId) => WriteTransaction.Start(new ApplyTransaction(Dialect, Dialect.Open(), importId));
}
