using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Rows;

/// <summary>
/// One edit or removal of rows of an import, in one write transaction that holds the import (other
/// edits, checks and applies of it wait). Disposing it without <see cref="Complete"/> rolls back.
/// </summary>
public interface IRowEditTransaction : IDisposable
{
    /// <summary>The import as read inside the transaction; null when it does not exist.</summary>
    ImportRecord? Import { get; }

    /// <summary>The stored rows among these numbers, in row order, with their diagnostics; rows that do not exist are left out.</summary>
    IReadOnlyList<ImportRowRecord> ReadRows(IReadOnlyCollection<int> rowNumbers);

    /// <summary>The rows whose address has one of these duplicate keys, in row order: the rows a duplicate relation ties together.</summary>
    IReadOnlyList<(int RowNumber, string NormalizedEmail)> RowsWithAddresses(IReadOnlyCollection<string> normalizedEmails);

    /// <summary>Which of these addresses have a pending invitation in the organization that has not expired at <paramref name="now"/>.</summary>
    IReadOnlySet<string> AddressesWithPendingInvitations(IReadOnlyCollection<string> normalizedEmails, DateTimeOffset now);

    /// <summary>Which of these addresses belong to a member of the organization.</summary>
    IReadOnlySet<string> AddressesOfMembers(IReadOnlyCollection<string> normalizedEmails);

    /// <summary>Stores these rows' values, verdicts and revisions, and replaces their diagnostics.</summary>
    void ReplaceRows(IReadOnlyList<ImportRowRecord> rows);

    /// <summary>Deletes these rows and their diagnostics.</summary>
    void RemoveRows(IReadOnlyCollection<int> rowNumbers);

    /// <summary>Stores the import's counts and update time, records the audit entry, and commits.</summary>
    ImportRecord Complete(ImportRecord changed, AuditEvent audit);
}
