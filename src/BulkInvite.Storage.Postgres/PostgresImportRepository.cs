using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage.Postgres;

/// <summary>Imports, staged users, diagnostics and invitations in PostgreSQL, through Dapper.</summary>
public sealed class PostgresImportRepository(PostgresDatabase database) : IImportRepository
{
    static PostgresImportRepository()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public async Task AddAsync(ImportRecord import, AuditEvent audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO imports ({ImportRow.Columns}) VALUES (@ImportId, @OrganizationId, @FileName, @Format, @SizeBytes, @Sha256, @State, " +
            "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @Permissions, @ApplyRequestId, @CreateTime, @UpdateTime)",
            ImportRow.Parameters(import), transaction, cancellationToken: cancellationToken));
        await PostgresAuditLog.InsertAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ImportRecord?> FindAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ImportRecord>> ListAsync(string organizationId, ImportCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE organization_id = @organizationId " +
            "AND (@afterTime::bigint IS NULL OR (create_time, import_id) < (@afterTime::bigint, @afterId::text)) " +
            "ORDER BY create_time DESC, import_id DESC LIMIT @limit",
            new { organizationId, afterTime = after?.CreateTime.ToUnixTimeMilliseconds(), afterId = after?.ImportId, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<bool> DeleteAsync(string importId, AuditEvent audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Staged users and diagnostics go with it (ON DELETE CASCADE); invitations stay. Every server
        // runs the retention purge: one that listed an import just before another server applied it
        // must not purge it, so a purge deletes only an import still not applied.
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM imports WHERE import_id = @importId AND (NOT @purge OR state <> @applied)",
            new { importId, purge = audit.Action == AuditAction.Purged, applied = (int)ImportState.Applied },
            transaction, cancellationToken: cancellationToken)) > 0;
        if (deleted)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM uploads WHERE import_id = @importId", new { importId }, transaction, cancellationToken: cancellationToken));
            await PostgresAuditLog.InsertAsync(connection, transaction, audit, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task DropStagedUsersAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staged_users WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
    }

    public async Task<int> DropStagedUsersOfAppliedImportsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staged_users s USING imports i WHERE s.import_id = i.import_id AND i.state = @applied",
            new { applied = (int)ImportState.Applied }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ImportRecord>> ListUnappliedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports WHERE state <> @applied AND create_time < @cutoff ORDER BY create_time LIMIT @limit",
            new { applied = (int)ImportState.Applied, cutoff = cutoff.ToUnixTimeMilliseconds(), limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<Diagnostic>> ListFileDiagnosticsAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DiagnosticRow>(new CommandDefinition(
            $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_id = @importId AND row_number = 0 ORDER BY sequence",
            new { importId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDiagnostic()).ToList();
    }

    public async Task<IReadOnlyList<StoredDiagnostic>> ListRowDiagnosticsAsync(string importId, DiagnosticCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DiagnosticRow>(new CommandDefinition(
            $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_id = @importId " +
            "AND (row_number, sequence) > (@afterRow, @afterSequence) ORDER BY row_number, sequence LIMIT @limit",
            new { importId, afterRow = after?.RowNumber ?? 0, afterSequence = after?.Sequence ?? long.MaxValue, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredDiagnostic(r.ToDiagnostic(), r.Sequence)).ToList();
    }

    public ICheckTransaction BeginCheck(string importId) => new PostgresCheckTransaction(database.Open(), importId);

    public IApplyTransaction BeginApply(string importId) => new PostgresApplyTransaction(database.Open(), importId);
}
