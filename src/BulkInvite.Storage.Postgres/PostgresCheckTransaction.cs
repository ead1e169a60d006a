using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace BulkInvite.Storage.Postgres;

/// <summary>Stores what a check finds: staged users and diagnostics go in by binary COPY, a batch at a time.</summary>
internal sealed class PostgresCheckTransaction : PostgresImportTransaction, ICheckTransaction
{
    private readonly NpgsqlCommand _stagedEmailAt;

    public PostgresCheckTransaction(NpgsqlConnection connection, string importId)
        : base(connection, importId)
    {
        _stagedEmailAt = new NpgsqlCommand("SELECT normalized_email FROM staged_users WHERE import_id = $1 AND row_number = $2", Connection, Transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = ImportId },
                new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer },
            },
        };
    }

    public string? StagedEmailAt(int rowNumber)
    {
        ((NpgsqlParameter<int>)_stagedEmailAt.Parameters[1]).TypedValue = rowNumber;
        if (!_stagedEmailAt.IsPrepared)
        {
            _stagedEmailAt.Prepare();
        }

        return _stagedEmailAt.ExecuteScalar() as string;
    }

    public void Stage(IReadOnlyList<StagedUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count == 0)
        {
            return;
        }

        using var copy = Connection.BeginBinaryImport(
            "COPY staged_users (import_id, row_number, normalized_email, email, first_name, last_name, description, is_valid) FROM STDIN (FORMAT BINARY)");
        copy.Timeout = UnlimitedTime;
        foreach (var user in users)
        {
            copy.StartRow();
            copy.Write(ImportId, NpgsqlDbType.Text);
            copy.Write(user.RowNumber, NpgsqlDbType.Integer);
            copy.Write(user.NormalizedEmail, NpgsqlDbType.Text);
            copy.Write(user.Email, NpgsqlDbType.Text);
            copy.Write(user.FirstName, NpgsqlDbType.Text);
            copy.Write(user.LastName, NpgsqlDbType.Text);
            WriteNullable(copy, user.Description);
            copy.Write(user.IsValid, NpgsqlDbType.Boolean);
        }

        copy.Complete();
    }

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count == 0)
        {
            return;
        }

        // sequence is left to its identity: the rows get it in the order they are copied.
        using var copy = Connection.BeginBinaryImport(
            "COPY diagnostics (import_id, row_number, column_name, code, severity, message, value) FROM STDIN (FORMAT BINARY)");
        copy.Timeout = UnlimitedTime;
        foreach (var d in diagnostics)
        {
            copy.StartRow();
            copy.Write(ImportId, NpgsqlDbType.Text);
            copy.Write(d.RowNumber, NpgsqlDbType.Integer);
            copy.Write(d.Column, NpgsqlDbType.Text);
            copy.Write((int)d.Code, NpgsqlDbType.Integer);
            copy.Write((int)d.Severity, NpgsqlDbType.Integer);
            copy.Write(d.Message, NpgsqlDbType.Text);
            copy.Write(d.Value, NpgsqlDbType.Text);
        }

        copy.Complete();
    }

    // The rows just copied in are not in the table's statistics yet, and the invitations an apply
    // just made may not be either: each staged row probes the index (LATERAL … LIMIT 1), a plan
    // whose cost grows with the file whatever the planner believes about the tables.
    public void AddAlreadyInvitedWarnings(string message, DateTimeOffset now) =>
        Connection.Execute(
            "INSERT INTO diagnostics (import_id, row_number, column_name, code, severity, message, value) " +
            "SELECT s.import_id, s.row_number, @Column, @Code, @Severity, @message, s.email " +
            "FROM staged_users s CROSS JOIN LATERAL (SELECT 1 FROM invitations i " +
            "WHERE i.organization_id = @OrganizationId AND i.normalized_email = s.normalized_email AND i.status = 'pending' AND i.expire_time > @now " +
            "LIMIT 1) pending " +
            "WHERE s.import_id = @ImportId AND s.is_valid ORDER BY s.row_number",
            new
            {
                ImportId,
                OrganizationId,
                Column = UserColumns.Email,
                Code = (int)DiagnosticCode.AlreadyInvited,
                Severity = (int)Diagnostic.SeverityOf(DiagnosticCode.AlreadyInvited),
                message,
                now = now.ToUnixTimeMilliseconds(),
            },
            Transaction,
            Unlimited);

    public void AddAlreadyMemberWarnings(string message) =>
        Connection.Execute(
            "INSERT INTO diagnostics (import_id, row_number, column_name, code, severity, message, value) " +
            "SELECT s.import_id, s.row_number, @Column, @Code, @Severity, @message, s.email " +
            "FROM staged_users s CROSS JOIN LATERAL (SELECT 1 FROM members b " +
            "WHERE b.organization_id = @OrganizationId AND b.normalized_email = s.normalized_email LIMIT 1) member " +
            "WHERE s.import_id = @ImportId AND s.is_valid ORDER BY s.row_number",
            new
            {
                ImportId,
                OrganizationId,
                Column = UserColumns.Email,
                Code = (int)DiagnosticCode.AlreadyMember,
                Severity = (int)Diagnostic.SeverityOf(DiagnosticCode.AlreadyMember),
                message,
            },
            Transaction,
            Unlimited);

    public ImportRecord Complete(CheckResult result, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit)
    {
        ArgumentNullException.ThrowIfNull(result);
        Connection.Execute(
            "UPDATE imports SET state = @State, total_rows = @TotalRows, valid_rows = @ValidRows, invalid_rows = @InvalidRows, update_time = @now " +
            "WHERE import_id = @ImportId",
            new { State = (int)ImportState.Checked, result.TotalRows, result.ValidRows, result.InvalidRows, now = now.ToUnixTimeMilliseconds(), ImportId },
            Transaction,
            Unlimited);
        return Commit(audit);
    }

    public ImportRecord Reject(IReadOnlyList<Diagnostic> fileDiagnostics, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit)
    {
        Connection.Execute("DELETE FROM staged_users WHERE import_id = @ImportId", new { ImportId }, Transaction, Unlimited);
        Connection.Execute("DELETE FROM diagnostics WHERE import_id = @ImportId", new { ImportId }, Transaction, Unlimited);
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
            _stagedEmailAt.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }
}
