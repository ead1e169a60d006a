using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Rows;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// An edit or a removal of rows of one import, in one write transaction that holds the import's row
/// (PostgreSQL) or the writer (SQLite): two edits of one import take turns, so the second reads the
/// revisions the first stored. Rows are found by (import key, row number), the table's key; the rows
/// sharing an address are found by one pass over the import's rows (import_rows has no index on the
/// address, which would slow every check down), once per request whatever its number of edits.
/// </summary>
internal sealed class RowEditTransaction(StoreDialect dialect, DbConnection connection, string importId)
    : ImportTransaction(dialect, connection, importId), IRowEditTransaction
{
    private const string UpdateRow =
        "UPDATE import_rows SET email = @Email, first_name = @FirstName, last_name = @LastName, description = CAST(@Description AS TEXT), " +
        "normalized_email = CAST(@NormalizedEmail AS TEXT), is_valid = @IsValid, revision = @Revision " +
        "WHERE import_key = @ImportKey AND row_number = @RowNumber";

    private const string InsertDiagnostic =
        "INSERT INTO diagnostics (import_key, row_number, column_name, code, severity, message, value) " +
        "VALUES (@ImportKey, @RowNumber, @Column, @Code, @Severity, @Message, @Value)";

    public IReadOnlyList<ImportRowRecord> ReadRows(IReadOnlyCollection<int> rowNumbers) =>
        StoredRow.Read(Dialect, Connection, Transaction, ImportKey, rowNumbers);

    public IReadOnlyList<(int RowNumber, string NormalizedEmail)> RowsWithAddresses(IReadOnlyCollection<string> normalizedEmails) =>
        Connection.Query<(long RowNumber, string NormalizedEmail)>(
                $"SELECT row_number, normalized_email FROM import_rows WHERE import_key = @ImportKey AND normalized_email {Dialect.InList("@normalizedEmails")} ORDER BY row_number",
                new { ImportKey, normalizedEmails = normalizedEmails.ToArray() }, Transaction, commandTimeout: Dialect.GrowingWorkTimeout)
            .Select(r => ((int)r.RowNumber, r.NormalizedEmail))
            .ToList();

    public IReadOnlySet<string> AddressesWithPendingInvitations(IReadOnlyCollection<string> normalizedEmails, DateTimeOffset now) =>
        Connection.Query<string>(
                "SELECT normalized_email FROM invitations WHERE organization_id = @OrganizationId AND status = 'pending' AND expire_time > @now " +
                $"AND normalized_email {Dialect.InList("@normalizedEmails")}",
                new { OrganizationId, now = now.ToUnixTimeMilliseconds(), normalizedEmails = normalizedEmails.ToArray() }, Transaction)
            .ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> AddressesOfMembers(IReadOnlyCollection<string> normalizedEmails) =>
        Connection.Query<string>(
                $"SELECT normalized_email FROM members WHERE organization_id = @OrganizationId AND normalized_email {Dialect.InList("@normalizedEmails")}",
                new { OrganizationId, normalizedEmails = normalizedEmails.ToArray() }, Transaction)
            .ToHashSet(StringComparer.Ordinal);

    public void ReplaceRows(IReadOnlyList<ImportRowRecord> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        Connection.Execute(UpdateRow, rows.Select(r => new
        {
            ImportKey,
            r.RowNumber,
            r.Email,
            r.FirstName,
            r.LastName,
            r.Description,
            r.NormalizedEmail,
            r.IsValid,
            r.Revision,
        }), Transaction);
        DeleteDiagnostics(rows.Select(r => r.RowNumber).ToList());
        Connection.Execute(InsertDiagnostic, rows.SelectMany(r => r.Diagnostics).Select(d => new
        {
            ImportKey,
            d.RowNumber,
            d.Column,
            Code = (int)d.Code,
            Severity = (int)d.Severity,
            d.Message,
            d.Value,
        }), Transaction);
    }

    public void RemoveRows(IReadOnlyCollection<int> rowNumbers)
    {
        DeleteDiagnostics(rowNumbers);
        Connection.Execute($"DELETE FROM import_rows WHERE import_key = @ImportKey AND row_number {Dialect.InList("@rowNumbers")}",
            new { ImportKey, rowNumbers = rowNumbers.ToArray() }, Transaction);
    }

    public ImportRecord Complete(ImportRecord changed, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(changed);
        Connection.Execute(
            "UPDATE imports SET total_rows = @TotalRows, valid_rows = @ValidRows, invalid_rows = @InvalidRows, warning_rows = @WarningRows, " +
            "already_invited_rows = @AlreadyInvitedRows, already_member_rows = @AlreadyMemberRows, update_time = @UpdateTime WHERE import_key = @ImportKey",
            new
            {
                changed.TotalRows,
                changed.ValidRows,
                changed.InvalidRows,
                changed.WarningRows,
                changed.AlreadyInvitedRows,
                changed.AlreadyMemberRows,
                UpdateTime = changed.UpdateTime.ToUnixTimeMilliseconds(),
                ImportKey,
            },
            Transaction);
        return Commit(_ => audit);
    }

    private void DeleteDiagnostics(IReadOnlyCollection<int> rowNumbers) =>
        Connection.Execute($"DELETE FROM diagnostics WHERE import_key = @ImportKey AND row_number {Dialect.InList("@rowNumbers")}",
            new { ImportKey, rowNumbers = rowNumbers.ToArray() }, Transaction);
}
