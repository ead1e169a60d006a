using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Stores what a check finds, in one transaction: every row and the diagnostics through
/// <see cref="StagedRows"/>, then the warnings that depend on the moment and the import's counts.
/// </summary>
internal sealed class CheckTransaction(StoreDialect dialect, DbConnection connection, string importId)
    : ImportTransaction(dialect, connection, importId), ICheckTransaction
{
    private StagedRows? _staged;
    private int _alreadyInvited;
    private int _alreadyMember;

    protected override void Load()
    {
        base.Load();
        _staged = new StagedRows(Dialect, Connection, Transaction, ImportKey);
    }

    public string? StagedEmailAt(int rowNumber) => _staged!.StagedEmailAt(rowNumber);

    public void Stage(IReadOnlyList<StagedUser> users) => _staged!.Stage(users);

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics) => _staged!.AddDiagnostics(diagnostics);

    public CheckResult? TakePrecheck()
    {
        var precheck = Connection.QuerySingleOrDefault<PrecheckRow>(
            $"SELECT i.state, i.total_rows, i.valid_rows, i.invalid_rows, i.column_mappings FROM prechecks i WHERE i.import_key = @ImportKey {Dialect.RowLock}",
            new { ImportKey }, Transaction);
        if (precheck is not null)
        {
            // Deleted before anything else, under its lock: a pre-check still running stops at its
            // next transaction, before it stages anything more under the key.
            Connection.Execute("DELETE FROM prechecks WHERE import_key = @ImportKey", new { ImportKey }, Transaction);
        }

        if (precheck?.ToResult() is { } result)
        {
            return result;
        }

        StagedRows.Delete(Connection, Transaction, Dialect, ImportKey);
        return null;
    }

    public void AddAlreadyInvitedWarnings(string message, DateTimeOffset now) =>
        _alreadyInvited = Connection.Execute(
            Dialect.AlreadyInvitedWarnings,
            new
            {
                ImportKey,
                OrganizationId,
                Column = UserColumns.Email,
                Code = (int)DiagnosticCode.AlreadyInvited,
                Severity = (int)Diagnostic.SeverityOf(DiagnosticCode.AlreadyInvited),
                message,
                now = now.ToUnixTimeMilliseconds(),
            },
            Transaction,
            Dialect.GrowingWorkTimeout);

    public void AddAlreadyMemberWarnings(string message) =>
        _alreadyMember = Connection.Execute(
            Dialect.AlreadyMemberWarnings,
            new
            {
                ImportKey,
                OrganizationId,
                Column = UserColumns.Email,
                Code = (int)DiagnosticCode.AlreadyMember,
                Severity = (int)Diagnostic.SeverityOf(DiagnosticCode.AlreadyMember),
                message,
            },
            Transaction,
            Dialect.GrowingWorkTimeout);

    public ImportRecord Complete(CheckResult result, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Each already-invited or already-member warning is on a valid row, one per row (an address
        // has at most one pending invitation and one member per organization): their inserts counted
        // them. A valid row may have several warnings: those rows are counted from the diagnostics,
        // which hold few warnings unless the file's addresses were mostly invited already.
        Connection.Execute(
            "UPDATE imports SET state = @State, total_rows = @TotalRows, valid_rows = @ValidRows, invalid_rows = @InvalidRows, update_time = @now, " +
            "already_invited_rows = @alreadyInvited, already_member_rows = @alreadyMember, column_mappings = @columns, " +
            "warning_rows = (SELECT COUNT(*) FROM (SELECT DISTINCT d.row_number FROM diagnostics d WHERE d.import_key = @ImportKey AND d.row_number > 0 " +
            "AND d.severity = @warning) w JOIN import_rows r ON r.import_key = @ImportKey AND r.row_number = w.row_number AND r.is_valid = @valid) " +
            "WHERE import_id = @ImportId",
            new
            {
                State = (int)ImportState.Checked,
                result.TotalRows,
                result.ValidRows,
                result.InvalidRows,
                now = now.ToUnixTimeMilliseconds(),
                alreadyInvited = _alreadyInvited,
                alreadyMember = _alreadyMember,
                columns = ColumnMappingsJson.Serialize(result.Columns),
                ImportKey,
                warning = (int)Severity.Warning,
                valid = true,
                ImportId,
            },
            Transaction,
            Dialect.GrowingWorkTimeout);
        return Commit(audit);
    }

    public ImportRecord Reject(IReadOnlyList<Diagnostic> fileDiagnostics, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit, IReadOnlyList<ColumnMapping>? columns = null)
    {
        StagedRows.Delete(Connection, Transaction, Dialect, ImportKey);
        AddDiagnostics(fileDiagnostics);
        Connection.Execute(
            "UPDATE imports SET state = @State, total_rows = 0, valid_rows = 0, invalid_rows = 0, update_time = @now, column_mappings = @columns " +
            "WHERE import_id = @ImportId",
            new { State = (int)ImportState.Rejected, now = now.ToUnixTimeMilliseconds(), columns = ColumnMappingsJson.Serialize(columns ?? []), ImportId },
            Transaction);
        return Commit(audit);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _staged?.Dispose();
        }

        base.Dispose(disposing);
    }
}
