using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Rows;

namespace BulkInvite.Core.Importing;

/// <summary>
/// A check in progress. Disposing it without <see cref="Complete"/> or <see cref="Reject"/> rolls
/// everything back, so an interrupted check leaves the import UPLOADED and nothing staged.
/// </summary>
public interface ICheckTransaction : ICheckSink, IDisposable
{
    /// <summary>The import as read inside the transaction; null when it does not exist.</summary>
    ImportRecord? Import { get; }

    /// <summary>
    /// Takes the import over from its check while uploading, if it had one: returns the result a
    /// complete one stored (its rows and diagnostics are staged already); otherwise deletes whatever
    /// was staged under the import's key and returns null, so the file is checked from its start.
    /// Either way the pre-check's record is deleted, which stops one still running (on any server).
    /// </summary>
    CheckResult? TakePrecheck();

    /// <summary>
    /// Adds a warning to every valid staged row whose address has a pending invitation in the
    /// organization that has not expired at <paramref name="now"/>.
    /// </summary>
    void AddAlreadyInvitedWarnings(string message, DateTimeOffset now);

    /// <summary>Adds a warning to every valid staged row whose address belongs to a member of the organization.</summary>
    void AddAlreadyMemberWarnings(string message);

    /// <summary>
    /// Stores the counts (with the rows that have warnings, and those the already-invited and
    /// already-member warnings were added to) and the column mapping, marks the import CHECKED,
    /// records the audit entry made from the result, and commits.
    /// </summary>
    ImportRecord Complete(CheckResult result, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit);

    /// <summary>
    /// Discards anything staged, stores the file diagnostics and the header's column mapping (when it
    /// was read), marks the import REJECTED, records the audit entry, and commits.
    /// </summary>
    ImportRecord Reject(IReadOnlyList<Diagnostic> fileDiagnostics, DateTimeOffset now, Func<ImportRecord, AuditEvent> audit, IReadOnlyList<ColumnMapping>? columns = null);
}
