using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Rows;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Imports, their rows and diagnostics, through Dapper. A deleted import that made invitations stays, hidden (delete_time): they read from it.</summary>
internal sealed class ImportRepository(StoreDialect dialect) : Repository(dialect), IImportRepository
{
    private const string InsertImport =
        $"INSERT INTO imports ({ImportRow.KeyedColumns}) VALUES (@ImportId, @OrganizationId, @FileName, @Format, @SizeBytes, @Sha256, @State, " +
        "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @Permissions, @ApplyRequestId, @CreateTime, @UpdateTime, " +
        "@WarningRows, @AlreadyInvitedRows, @AlreadyMemberRows, @SkippedAlreadyInvitedCount, @SkippedAlreadyMemberCount, @ImportKey)";

    public Task AddAsync(ImportRecord import, AuditEvent audit, CancellationToken cancellationToken) =>
        AddAsync(import, audit, null, cancellationToken);

    public async Task AddAsync(ImportRecord import, AuditEvent audit, long? importKey, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken);
        Insert(connection, transaction, Dialect, import, importKey);
        await AuditLog.RecordAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Stores a new import inside a write transaction (also a resumable upload's finish), with the
    /// integer key its rows are stored under: the one reserved for it by a check while uploading, or the next.
    /// </summary>
    internal static void Insert(DbConnection connection, DbTransaction transaction, StoreDialect dialect, ImportRecord import, long? importKey = null)
    {
        var parameters = new DynamicParameters(ImportRow.Parameters(import));
        parameters.Add("ImportKey", importKey ?? dialect.NextImportKey(connection, transaction));
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
        // First, so that a check while uploading still staging under the key stops before its next rows.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM prechecks WHERE import_key = @ImportKey", keys, transaction, cancellationToken: cancellationToken));
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

    public async Task<IReadOnlyList<ColumnMapping>> ListColumnMappingsAsync(string importId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT column_mappings FROM imports WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
        return ColumnMappingsJson.Deserialize(json);
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

    public IRowEditTransaction BeginRowEdit(string importId) => WriteTransaction.Start(new RowEditTransaction(Dialect, Dialect.Open(), importId));

    public async Task<IReadOnlyList<ImportRowRecord>> ListRowsAsync(string importId, RowFilter filter, int afterRow, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var importKey = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT import_key FROM imports WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
        if (importKey is null)
        {
            return [];
        }

        var where = filter switch
        {
            RowFilter.Errors => " AND r.is_valid = @invalid",
            RowFilter.Warnings => " AND r.is_valid = @valid AND EXISTS (SELECT 1 FROM diagnostics d WHERE d.import_key = r.import_key " +
                                  "AND d.row_number = r.row_number AND d.severity = @warning)",
            _ => "",
        };
        var rows = (await connection.QueryAsync<StoredRow>(new CommandDefinition(
            $"SELECT {StoredRow.Columns} FROM import_rows r WHERE r.import_key = @importKey AND r.row_number > @afterRow{where} ORDER BY r.row_number LIMIT @limit",
            new { importKey, afterRow, limit, invalid = false, valid = true, warning = (int)Severity.Warning },
            commandTimeout: Dialect.GrowingWorkTimeout, cancellationToken: cancellationToken))).ToList();
        return StoredRow.WithDiagnostics(Dialect, connection, null, importKey.Value, rows);
    }

    // One ordered pass over the rows joined with their diagnostics, read as it is enumerated: a row
    // with several diagnostics comes as several records in a row, gathered here.
    public IEnumerable<ResultRow> ReadResults(string importId, bool onlyErrors)
    {
        using var connection = Dialect.Open();
        var import = connection.QuerySingleOrDefault<(long ImportKey, long? ApplyKey)>(
            "SELECT import_key, apply_key FROM imports WHERE import_id = @importId", new { importId });
        var records = connection.Query<ResultRecord>(
            "SELECT r.row_number, r.email, r.first_name, r.last_name, r.description, r.is_valid, " +
            "CASE WHEN CAST(@applyKey AS BIGINT) IS NULL OR r.is_valid = @invalid THEN 0 " +
            "WHEN EXISTS (SELECT 1 FROM invitations v WHERE v.invitation_id = CAST(@applyKey AS BIGINT) * 4294967296 + r.row_number) THEN 1 " +
            "WHEN EXISTS (SELECT 1 FROM members b WHERE b.organization_id = i.organization_id AND b.normalized_email = r.normalized_email) THEN 2 ELSE 3 END AS outcome, " +
            "d.code, d.severity, d.message " +
            "FROM import_rows r JOIN imports i ON i.import_key = r.import_key " +
            "LEFT JOIN diagnostics d ON d.import_key = r.import_key AND d.row_number = r.row_number " +
            $"WHERE r.import_key = @importKey{(onlyErrors ? " AND r.is_valid = @invalid" : "")} ORDER BY r.row_number, d.sequence",
            new { importKey = import.ImportKey, applyKey = import.ApplyKey, invalid = false },
            buffered: false,
            commandTimeout: Dialect.GrowingWorkTimeout);
        ResultRecord? current = null;
        var diagnostics = new List<Diagnostic>();
        foreach (var record in records)
        {
            if (current is not null && record.RowNumber != current.RowNumber)
            {
                yield return current.ToResult(diagnostics);
                diagnostics = [];
            }

            current = record;
            if (record.Code is { } code)
            {
                diagnostics.Add(new Diagnostic((int)record.RowNumber, "", (DiagnosticCode)code, (Severity)(record.Severity ?? 0), record.Message ?? "", ""));
            }
        }

        if (current is not null)
        {
            yield return current.ToResult(diagnostics);
        }
    }

    /// <summary>One row of a results file joined with one of its diagnostics, as Dapper reads it.</summary>
    private sealed class ResultRecord
    {
        public long RowNumber { get; set; }
        public string Email { get; set; } = "";
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string? Description { get; set; }
        public bool IsValid { get; set; }
        public long Outcome { get; set; }
        public long? Code { get; set; }
        public long? Severity { get; set; }
        public string? Message { get; set; }

        public ResultRow ToResult(IReadOnlyList<Diagnostic> diagnostics) =>
            new((int)RowNumber, Email, FirstName, LastName, Description, IsValid, (ApplyOutcome)Outcome, diagnostics);
    }

    /// <summary>What deleting an import needs to know of it.</summary>
    private sealed class DeleteTarget
    {
        public long ImportKey { get; set; }
        public long? ApplyKey { get; set; }
    }
}
