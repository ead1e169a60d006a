using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>Stores what a check finds. The inserts are prepared once and reused for every row.</summary>
internal sealed class SqliteCheckTransaction : SqliteImportTransaction, ICheckTransaction
{
    private readonly BulkInsert _stageUsers;
    private readonly BulkInsert _addDiagnostics;
    private readonly SqliteCommand _stagedEmailAt;

    public SqliteCheckTransaction(SqliteConnection connection, string importId)
        : base(connection, importId)
    {
        _stageUsers = new BulkInsert(Connection, "staged_users",
            ["import_id", "row_number", "normalized_email", "email", "first_name", "last_name", "description", "is_valid"]);
        _addDiagnostics = new BulkInsert(Connection, "diagnostics",
            ["import_id", "row_number", "column_name", "code", "severity", "message", "value"]);
        _stagedEmailAt = Connection.CreateCommand();
        _stagedEmailAt.Transaction = Transaction;
        _stagedEmailAt.CommandText = "SELECT normalized_email FROM staged_users WHERE import_id = $import_id AND row_number = $row_number";
        _stagedEmailAt.Parameters.AddWithValue("$import_id", ImportId);
        _stagedEmailAt.Parameters.Add(new SqliteParameter("$row_number", SqliteType.Integer));
        _stagedEmailAt.Prepare();
    }

    public string? StagedEmailAt(int rowNumber)
    {
        _stagedEmailAt.Parameters[1].Value = rowNumber;
        return _stagedEmailAt.ExecuteScalar() as string;
    }

    public void Stage(IReadOnlyList<StagedUser> users) =>
        _stageUsers.Insert(users, (user, values) =>
        {
            values[0] = ImportId;
            values[1] = user.RowNumber;
            values[2] = user.NormalizedEmail;
            values[3] = user.Email;
            values[4] = user.FirstName;
            values[5] = user.LastName;
            values[6] = user.Description;
            values[7] = user.IsValid;
        });

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        _addDiagnostics.Insert(diagnostics, (d, values) =>
        {
            values[0] = ImportId;
            values[1] = d.RowNumber;
            values[2] = d.Column;
            values[3] = (int)d.Code;
            values[4] = (int)d.Severity;
            values[5] = d.Message;
            values[6] = d.Value;
        });

    public void AddAlreadyInvitedWarnings(string message, DateTimeOffset now) =>
        Connection.Execute(
            "INSERT INTO diagnostics (import_id, row_number, column_name, code, severity, message, value) " +
            "SELECT s.import_id, s.row_number, @Column, @Code, @Severity, @message, s.email " +
            "FROM staged_users s JOIN imports m ON m.import_id = s.import_id " +
            "JOIN invitations i ON i.organization_id = m.organization_id AND i.normalized_email = s.normalized_email AND i.status = 'pending' " +
            "AND i.expire_time > @now " +
            "WHERE s.import_id = @ImportId AND s.is_valid = 1",
            new
            {
                ImportId,
                Column = UserColumns.Email,
                Code = (int)DiagnosticCode.AlreadyInvited,
                Severity = (int)Diagnostic.SeverityOf(DiagnosticCode.AlreadyInvited),
                message,
                now = now.ToUnixTimeMilliseconds(),
            },
            Transaction);

    public void AddAlreadyMemberWarnings(string message) =>
        Connection.Execute(
            "INSERT INTO diagnostics (import_id, row_number, column_name, code, severity, message, value) " +
            "SELECT s.import_id, s.row_number, @Column, @Code, @Severity, @message, s.email " +
            "FROM staged_users s JOIN imports m ON m.import_id = s.import_id " +
            "JOIN members b ON b.organization_id = m.organization_id AND b.normalized_email = s.normalized_email " +
            "WHERE s.import_id = @ImportId AND s.is_valid = 1",
            new
            {
                ImportId,
                Column = UserColumns.Email,
                Code = (int)DiagnosticCode.AlreadyMember,
                Severity = (int)Diagnostic.SeverityOf(DiagnosticCode.AlreadyMember),
                message,
            },
            Transaction);

    public ImportRecord Complete(CheckResult result, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit)
    {
        Connection.Execute(
            "UPDATE imports SET state = @State, total_rows = @TotalRows, valid_rows = @ValidRows, invalid_rows = @InvalidRows, update_time = @now " +
            "WHERE import_id = @ImportId",
            new { State = (int)ImportState.Checked, result.TotalRows, result.ValidRows, result.InvalidRows, now = now.ToUnixTimeMilliseconds(), ImportId },
            Transaction);
        return Commit(audit);
    }

    public ImportRecord Reject(IReadOnlyList<Diagnostic> fileDiagnostics, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit)
    {
        Connection.Execute("DELETE FROM staged_users WHERE import_id = @ImportId", new { ImportId }, Transaction);
        Connection.Execute("DELETE FROM diagnostics WHERE import_id = @ImportId", new { ImportId }, Transaction);
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
            _stageUsers.Dispose();
            _addDiagnostics.Dispose();
            _stagedEmailAt.Dispose();
        }

        base.Dispose(disposing);
    }
}
