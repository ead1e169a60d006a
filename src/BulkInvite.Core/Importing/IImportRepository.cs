using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Rows;

namespace BulkInvite.Core.Importing;

/// <summary>Where a page of imports ended: newest first, by creation time then id.</summary>
public sealed record ImportCursor(DateTimeOffset CreateTime, string ImportId);

/// <summary>Where a page of row diagnostics ended: by row, then the order they were found in.</summary>
public sealed record DiagnosticCursor(int RowNumber, long Sequence);

/// <summary>A stored row diagnostic and its position, for paging.</summary>
public sealed record StoredDiagnostic(Diagnostic Diagnostic, long Sequence);

/// <summary>Imports, their rows and diagnostics, and the invitations they create.</summary>
public interface IImportRepository
{
    /// <summary>Stores a new import and its audit entry, together.</summary>
    Task AddAsync(ImportRecord import, AuditEvent audit, CancellationToken cancellationToken);

    Task<ImportRecord?> FindAsync(string importId, CancellationToken cancellationToken);

    /// <summary>An organization's imports, newest first, after the cursor.</summary>
    Task<IReadOnlyList<ImportRecord>> ListAsync(string organizationId, ImportCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an import, its rows and diagnostics, and records the audit entry, together; its
    /// invitations stay, with the rows they were made from. False when it did not exist (any more).
    /// </summary>
    Task<bool> DeleteAsync(string importId, AuditEvent audit, CancellationToken cancellationToken);

    /// <summary>Imports never applied that were created before the cutoff, oldest first: what the retention purge deletes.</summary>
    Task<IReadOnlyList<ImportRecord>> ListUnappliedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<Diagnostic>> ListFileDiagnosticsAsync(string importId, CancellationToken cancellationToken);

    /// <summary>How the check mapped the file's columns, in file order; empty before the check or when no header was read.</summary>
    Task<IReadOnlyList<ColumnMapping>> ListColumnMappingsAsync(string importId, CancellationToken cancellationToken);

    /// <summary>Row diagnostics ordered by row number, then the order they were found in, after the cursor.</summary>
    Task<IReadOnlyList<StoredDiagnostic>> ListRowDiagnosticsAsync(string importId, DiagnosticCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Starts the one write transaction a check runs in; it waits for other writers.</summary>
    ICheckTransaction BeginCheck(string importId);

    /// <summary>Starts the one write transaction an apply runs in; it waits for other writers.</summary>
    IApplyTransaction BeginApply(string importId);

    /// <summary>Starts the one write transaction an edit or a removal of rows runs in; it waits for other writers of the import.</summary>
    IRowEditTransaction BeginRowEdit(string importId);

    /// <summary>Rows after row <paramref name="afterRow"/> that pass the filter, in row order, with their diagnostics.</summary>
    Task<IReadOnlyList<ImportRowRecord>> ListRowsAsync(string importId, RowFilter filter, int afterRow, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every row of the import (only the invalid ones with <paramref name="onlyErrors"/>) in row order,
    /// with its diagnostics and, once applied, what became of it; read as it is enumerated, so a
    /// million rows cost the memory of one.
    /// </summary>
    IEnumerable<ResultRow> ReadResults(string importId, bool onlyErrors);
}

/// <summary>
/// A check in progress. Disposing it without <see cref="Complete"/> or <see cref="Reject"/> rolls
/// everything back, so an interrupted check leaves the import UPLOADED and nothing staged.
/// </summary>
public interface ICheckTransaction : ICheckSink, IDisposable
{
    /// <summary>The import as read inside the transaction; null when it does not exist.</summary>
    ImportRecord? Import { get; }

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

/// <summary>An apply in progress; disposing it without <see cref="Complete"/> rolls back.</summary>
public interface IApplyTransaction : IDisposable
{
    ImportRecord? Import { get; }

    /// <summary>
    /// Creates a pending invitation for every valid row whose address has no unexpired
    /// pending invitation in the organization and is not a member's, first storing as expired the
    /// organization's pending invitations whose expiry has passed, so they do not block new ones.
    /// Each new invitation's row carries its first email, queued (the outbox is the invitations whose
    /// email is queued); its <see cref="Invitations.AcceptToken"/> is made when the email is sent (only
    /// its hash is kept). Each expires the batch's lifetime after <paramref name="now"/>; what the batch
    /// says (names, note, lifetime) is stored once, with the import, by <see cref="Complete"/>. Returns
    /// how many were created.
    /// </summary>
    int InviteValidUsers(IReadOnlyList<string> permissions, Invitations.InvitationBatch batch, DateTimeOffset now);

    /// <summary>After <see cref="InviteValidUsers"/>: how many valid rows it skipped because the address was a member's.</summary>
    int CountSkippedMembers();

    /// <summary>
    /// Saves the applied import, records the audit entry, and commits. Its rows stay: its invitations
    /// read their address and names from them, and they say what became of each row.
    /// </summary>
    ImportRecord Complete(ImportRecord applied, AuditEvent audit);
}
