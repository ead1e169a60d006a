using System.Data;
using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Stores what a check finds: every row and the diagnostics go in through the dialect's bulk sink
/// (SQLite's prepared multi-row insert, PostgreSQL's binary COPY), a batch at a time, under the
/// import's integer key.
/// </summary>
internal sealed class CheckTransaction(StoreDialect dialect, DbConnection connection, string importId)
    : ImportTransaction(dialect, connection, importId), ICheckTransaction
{
    private static readonly string[] RowColumns =
        ["import_key", "row_number", "email", "first_name", "last_name", "description", "normalized_email", "is_valid"];

    private static readonly string[] DiagnosticColumns = ["import_key", "row_number", "column_name", "code", "severity", "message", "value"];

    // Boxed once: the sinks take each row's values as objects, and these repeat on every row.
    private static readonly object Valid = true;
    private static readonly object NotValid = false;

    private object? _importKey;
    private IBulkSink? _stageUsers;
    private IBulkSink? _addDiagnostics;
    private DbCommand? _stagedEmailAt;
    private int _alreadyInvited;
    private int _alreadyMember;

    protected override void Load()
    {
        base.Load();
        _importKey = ImportKey;
        _stageUsers = Dialect.OpenBulkSink(Connection, Transaction, "import_rows", RowColumns);
        _addDiagnostics = Dialect.OpenBulkSink(Connection, Transaction, "diagnostics", DiagnosticColumns);
        // Prepared once: the check asks for every duplicate it finds.
        _stagedEmailAt = Connection.CreateCommand();
        _stagedEmailAt.Transaction = Transaction;
        _stagedEmailAt.CommandText = "SELECT normalized_email FROM import_rows WHERE import_key = @import_key AND row_number = @row_number";
        AddParameter(_stagedEmailAt, "import_key", DbType.Int64, ImportKey);
        AddParameter(_stagedEmailAt, "row_number", DbType.Int32, 0);
        _stagedEmailAt.Prepare();
    }

    public string? StagedEmailAt(int rowNumber)
    {
        var command = _stagedEmailAt!;
        command.Parameters[1].Value = rowNumber;
        return command.ExecuteScalar() as string;
    }

    public void Stage(IReadOnlyList<StagedUser> users) =>
        _stageUsers!.Insert(users, (user, values) =>
        {
            values[0] = _importKey;
            values[1] = user.RowNumber;
            values[2] = user.Email;
            values[3] = user.FirstName;
            values[4] = user.LastName;
            values[5] = user.Description;
            values[6] = user.NormalizedEmail;
            values[7] = user.IsValid ? Valid : NotValid;
        });

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        _addDiagnostics!.Insert(diagnostics, (d, values) =>
        {
            values[0] = _importKey;
            values[1] = d.RowNumber;
            values[2] = d.Column;
            values[3] = (int)d.Code;
            values[4] = (int)d.Severity;
            values[5] = d.Message;
            values[6] = d.Value;
        });

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

        PrecheckStaging.DeleteStaged(Connection, Transaction, Dialect, ImportKey);
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
        Connection.Execute("DELETE FROM import_rows WHERE import_key = @ImportKey", new { ImportKey }, Transaction, Dialect.GrowingWorkTimeout);
        Connection.Execute("DELETE FROM diagnostics WHERE import_key = @ImportKey", new { ImportKey }, Transaction, Dialect.GrowingWorkTimeout);
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
            _stageUsers?.Dispose();
            _addDiagnostics?.Dispose();
            _stagedEmailAt?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void AddParameter(DbCommand command, string name, DbType type, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
