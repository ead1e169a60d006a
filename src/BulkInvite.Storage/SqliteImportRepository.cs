using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Imports, staged users, diagnostics and invitations in SQLite, through Dapper.</summary>
public sealed class SqliteImportRepository(SqliteDatabase database) : IImportRepository
{
    static SqliteImportRepository()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public async Task AddAsync(ImportRecord import, AuditEvent audit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO imports ({ImportRow.Columns}) VALUES (@ImportId, @OrganizationId, @FileName, @Format, @SizeBytes, @Sha256, @State, " +
            "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @Permissions, @ApplyRequestId, @CreateTime, @UpdateTime)",
            ImportRow.Parameters(import), transaction, cancellationToken: cancellationToken));
        SqliteAuditLog.Insert(connection, transaction, audit);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ImportRecord?> FindAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ImportRecord>> ListAsync(string organizationId, ImportCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE organization_id = @organizationId " +
            "AND (@afterTime IS NULL OR (create_time, import_id) < (@afterTime, @afterId)) " +
            "ORDER BY create_time DESC, import_id DESC LIMIT @limit",
            new { organizationId, afterTime = after?.CreateTime.ToUnixTimeMilliseconds(), afterId = after?.ImportId, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<bool> DeleteAsync(string importId, AuditEvent audit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        // Staged users and diagnostics go with it (ON DELETE CASCADE); invitations stay.
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM imports WHERE import_id = @importId", new { importId }, transaction, cancellationToken: cancellationToken)) > 0;
        if (deleted)
        {
            SqliteAuditLog.Insert(connection, transaction, audit);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task DropStagedUsersAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staged_users WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
    }

    public async Task<int> DropStagedUsersOfAppliedImportsAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staged_users WHERE import_id IN (SELECT import_id FROM imports WHERE state = @applied)",
            new { applied = (int)ImportState.Applied }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ImportRecord>> ListUnappliedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE state <> @applied AND create_time < @cutoff ORDER BY create_time LIMIT @limit",
            new { applied = (int)ImportState.Applied, cutoff = cutoff.ToUnixTimeMilliseconds(), limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<Diagnostic>> ListFileDiagnosticsAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<DiagnosticRow>(new CommandDefinition(
            $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_id = @importId AND row_number = 0 ORDER BY sequence",
            new { importId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDiagnostic()).ToList();
    }

    public async Task<IReadOnlyList<StoredDiagnostic>> ListRowDiagnosticsAsync(string importId, DiagnosticCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<DiagnosticRow>(new CommandDefinition(
            $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_id = @importId " +
            "AND (row_number, sequence) > (@afterRow, @afterSequence) ORDER BY row_number, sequence LIMIT @limit",
            new { importId, afterRow = after?.RowNumber ?? 0, afterSequence = after?.Sequence ?? long.MaxValue, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredDiagnostic(r.ToDiagnostic(), r.Sequence)).ToList();
    }

    public ICheckTransaction BeginCheck(string importId) => new SqliteCheckTransaction(database.Open(), importId);

    public IApplyTransaction BeginApply(string importId) => new SqliteApplyTransaction(database.Open(), importId);
}
