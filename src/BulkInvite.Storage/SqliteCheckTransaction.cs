using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>Stores what a check finds. The inserts are prepared once and reused for every row.</summary>
internal sealed class SqliteCheckTransaction : SqliteImportTransaction, ICheckTransaction
{
    private readonly SqliteCommand _stageUser;
    private readonly SqliteCommand _addDiagnostic;

    public SqliteCheckTransaction(SqliteConnection connection, string importId)
        : base(connection, importId)
    {
        _stageUser = Prepare(
            "INSERT INTO staged_users (import_id, normalized_email, row_number, email, first_name, last_name, description, is_valid) " +
            "VALUES ($import_id, $normalized_email, $row_number, $email, $first_name, $last_name, $description, $is_valid)",
            "$import_id", "$normalized_email", "$row_number", "$email", "$first_name", "$last_name", "$description", "$is_valid");
        _addDiagnostic = Prepare(
            "INSERT INTO diagnostics (import_id, row_number, column_name, code, severity, message, value) " +
            "VALUES ($import_id, $row_number, $column_name, $code, $severity, $message, $value)",
            "$import_id", "$row_number", "$column_name", "$code", "$severity", "$message", "$value");
    }

    public IReadOnlyDictionary<string, int> FindStagedRows(IReadOnlyCollection<string> normalizedEmails)
    {
        if (normalizedEmails.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        return Connection.Query<(string NormalizedEmail, long RowNumber)>(
                "SELECT normalized_email, row_number FROM staged_users WHERE import_id = @ImportId AND normalized_email IN @normalizedEmails",
                new { ImportId, normalizedEmails }, Transaction)
            .ToDictionary(r => r.NormalizedEmail, r => (int)r.RowNumber, StringComparer.Ordinal);
    }

    public void Stage(IReadOnlyList<StagedUser> users)
    {
        foreach (var user in users)
        {
            Run(_stageUser, ImportId, user.NormalizedEmail, user.RowNumber, user.Email, user.FirstName, user.LastName, user.Description, user.IsValid);
        }
    }

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Run(_addDiagnostic, ImportId, d.RowNumber, d.Column, (int)d.Code, (int)d.Severity, d.Message, d.Value);
        }
    }

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
            _stageUser.Dispose();
            _addDiagnostic.Dispose();
        }

        base.Dispose(disposing);
    }
}
