using System.Data;
using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
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

    private IBulkSink? _stageUsers;
    private IBulkSink? _addDiagnostics;
    private DbCommand? _stagedEmailAt;

    protected override void Load()
    {
        base.Load();
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
            values[0] = ImportKey;
            values[1] = user.RowNumber;
            values[2] = user.Email;
            values[3] = user.FirstName;
            values[4] = user.LastName;
            values[5] = user.Description;
            values[6] = user.NormalizedEmail;
            values[7] = user.IsValid;
        });

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        _addDiagnostics!.Insert(diagnostics, (d, values) =>
        {
            values[0] = ImportKey;
            values[1] = d.RowNumber;
            values[2] = d.Column;
            values[3] = (int)d.Code;
            values[4] = (int)d.Severity;
            values[5] = d.Message;
            values[6] = d.Value;
        });

    public void AddAlreadyInvitedWarnings(string message, DateTimeOffset now) =>
        Connection.Execute(
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
        Connection.Execute(
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
        Connection.Execute(
            "UPDATE imports SET state = @State, total_rows = @TotalRows, valid_rows = @ValidRows, invalid_rows = @InvalidRows, update_time = @now " +
            "WHERE import_id = @ImportId",
            new { State = (int)ImportState.Checked, result.TotalRows, result.ValidRows, result.InvalidRows, now = now.ToUnixTimeMilliseconds(), ImportId },
            Transaction,
            Dialect.GrowingWorkTimeout);
        return Commit(audit);
    }

    public ImportRecord Reject(IReadOnlyList<Diagnostic> fileDiagnostics, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit)
    {
        Connection.Execute("DELETE FROM import_rows WHERE import_key = @ImportKey", new { ImportKey }, Transaction, Dialect.GrowingWorkTimeout);
        Connection.Execute("DELETE FROM diagnostics WHERE import_key = @ImportKey", new { ImportKey }, Transaction, Dialect.GrowingWorkTimeout);
        AddDiagnostics(fileDiagnostics);
        Connection.Execute(
            "UPDATE imports SET state = @State, total_rows = 0, valid_rows = 0, invalid_rows = 0, update_time = @now WHERE import_id = @ImportId",
            new { State = (int)ImportState.Rejected, now = now.ToUnixTimeMilliseconds(), ImportId },
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
