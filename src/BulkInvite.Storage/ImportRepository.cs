using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Imports, their rows and diagnostics, through Dapper. A deleted import that made invitations stays, hidden (delete_time): they read from it.</summary>
internal sealed class ImportRepository(StoreDialect dialect) : Repository(dialect), IImportRepository
{
    private const string InsertImport =
        $"INSERT INTO imports ({ImportRow.KeyedColumns}) VALUES (@ImportId, @OrganizationId, @FileName, @Format, @SizeBytes, @Sha256, @State, " +
        "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @Permissions, @ApplyRequestId, @CreateTime, @UpdateTime, @ImportKey)";

    public async Task AddAsync(ImportRecord import, AuditEvent audit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken);
        Insert(connection, transaction, Dialect, import);
        await AuditLog.RecordAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores a new import, with the next integer key its rows are stored under, inside a write transaction (also a resumable upload's finish).</summary>
    internal static void Insert(DbConnection connection, DbTransaction transaction, StoreDialect dialect, ImportRecord import)
    {
        var parameters = new DynamicParameters(ImportRow.Parameters(import));
        parameters.Add("ImportKey", dialect.NextImportKey(connection, transaction));
        connection.Execute(InsertImport, parameters, transaction);
    }

    public async Task<ImportRecord?> FindAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @importId AND delete_time IS NULL", new { importId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ImportRecord>> ListAsync(string organizationId, ImportCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE organization_id = @organizationId AND delete_time IS NULL " +
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
        // The purge listed the import before this transaction: one applied since (by another server,
        // or by a call that got SQLite's writer first) is not purged.
        var target = await connection.QuerySingleOrDefaultAsync<DeleteTarget>(new CommandDefinition(
            "SELECT i.import_key, i.apply_key FROM imports i WHERE i.import_id = @importId AND i.delete_time IS NULL " +
            $"AND (@purge = 0 OR i.state <> @applied) {Dialect.RowLock}",
            new { importId, purge = audit.Action == AuditAction.Purged ? 1 : 0, applied = (int)ImportState.Applied },
            transaction, cancellationToken: cancellationToken));
        if (target is null)
        {
            return false;
        }

        var keys = new { target.ImportKey, target.ApplyKey, deleted = audit.Time.ToUnixTimeMilliseconds() };
        if (target.ApplyKey is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM imports WHERE import_key = @ImportKey", keys, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM import_rows WHERE import_key = @ImportKey", keys, transaction, Dialect.GrowingWorkTimeout, cancellationToken: cancellationToken));
        }
        else
        {
            // Its invitations stay, and read their person's data from its row and its rows: those
            // stay, hidden; the rows nobody was invited from go.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE imports SET delete_time = @deleted WHERE import_key = @ImportKey", keys, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM import_rows AS r WHERE r.import_key = @ImportKey " +
                "AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.invitation_id = @ApplyKey * 4294967296 + r.row_number)",
                keys, transaction, Dialect.GrowingWorkTimeout, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM diagnostics WHERE import_key = @ImportKey", keys, transaction, Dialect.GrowingWorkTimeout, cancellationToken: cancellationToken));
        if (Dialect.DeleteStoredFile is { } deleteFile)
        {
            await connection.ExecuteAsync(new CommandDefinition(deleteFile, new { importId }, transaction, cancellationToken: cancellationToken));
        }

        await AuditLog.RecordAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
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
            $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_key = (SELECT import_key FROM imports WHERE import_id = @importId) " +
            "AND row_number = 0 ORDER BY sequence",
            new { importId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDiagnostic()).ToList();
    }

    public async Task<IReadOnlyList<StoredDiagnostic>> ListRowDiagnosticsAsync(string importId, DiagnosticCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DiagnosticRow>(new CommandDefinition(
            $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_key = (SELECT import_key FROM imports WHERE import_id = @importId) " +
            "AND (row_number, sequence) > (@afterRow, @afterSequence) ORDER BY row_number, sequence LIMIT @limit",
            new { importId, afterRow = after?.RowNumber ?? 0, afterSequence = after?.Sequence ?? long.MaxValue, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredDiagnostic(r.ToDiagnostic(), r.Sequence)).ToList();
    }

    public ICheckTransaction BeginCheck(string importId) => WriteTransaction.Start(new CheckTransaction(Dialect, Dialect.Open(), importId));

    public IApplyTransaction BeginApply(string importId) => WriteTransaction.Start(new ApplyTransaction(Dialect, Dialect.Open(), importId));

    /// <summary>What deleting an import needs to know of it.</summary>
    private sealed class DeleteTarget
    {
        public long ImportKey { get; set; }
        public long? ApplyKey { get; set; }
    }
}
