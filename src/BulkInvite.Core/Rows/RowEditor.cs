using System.Globalization;
using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Rows;

/// <summary>
/// Fixing rows in place (section 2 of issue 15): ListImportRows, UpdateImportRows and
/// RemoveImportRows. An edit or a removal runs in one write transaction on a CHECKED import, checks
/// again only what it touches (<see cref="RowRecheck"/>), keeps the import's counts true, and is
/// audited with the row numbers, never the values.
/// </summary>
public sealed class RowEditor(IImportRepository imports, TimeProvider clock)
{
    /// <summary>The most edits, or row numbers, one request may carry.</summary>
    public const int MaxRowsPerRequest = 1000;

    /// <summary>A page of an import's rows in row order, with their diagnostics.</summary>
    public async Task<(IReadOnlyList<ImportRowRecord> Rows, string NextPageToken)> ListAsync(
        Caller caller, string importId, RowFilter filter, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessRules.RequireInviter(caller);
        ImportIds.Require(importId);
        if (!Enum.IsDefined(filter))
        {
            throw new InvalidRequestException("filter", "filter must be ROW_FILTER_UNSPECIFIED, ROW_FILTER_ERRORS or ROW_FILTER_WARNINGS.");
        }

        var limit = PageToken.PageSize(pageSize);
        var scope = importId + ":" + (int)filter;
        var after = PageToken.Decode(pageToken, scope, 1) is [var row] ? (int)PageToken.ParseNumber(row) : 0;
        var import = (await imports.FindAsync(importId, cancellationToken)).VisibleTo(caller, importId);
        RequireRows(import);
        var page = await imports.ListRowsAsync(importId, filter, after, limit + 1, cancellationToken);
        var next = page.Count > limit ? PageToken.Encode(scope, PageToken.Format(page[limit - 1].RowNumber)) : "";
        return (page.Take(limit).ToList(), next);
    }

    /// <summary>Changes cells of rows of a CHECKED import, all or nothing.</summary>
    public async Task<RowUpdateResult> UpdateAsync(Caller caller, string importId, IReadOnlyList<RowEdit> edits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(edits);
        AccessRules.RequireInviter(caller);
        ImportIds.Require(importId);
        RequireEdits(edits);
        return await Task.Run(() => Update(caller, importId, edits), cancellationToken);
    }

    /// <summary>Removes rows of a CHECKED import; rows already gone are ignored.</summary>
    public async Task<RowRemovalResult> RemoveAsync(Caller caller, string importId, IReadOnlyList<int> rowNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(rowNumbers);
        AccessRules.RequireInviter(caller);
        ImportIds.Require(importId);
        RequireRowNumbers(rowNumbers);
        return await Task.Run(() => Remove(caller, importId, rowNumbers.Distinct().ToList()), cancellationToken);
    }

    private RowUpdateResult Update(Caller caller, string importId, IReadOnlyList<RowEdit> edits)
    {
        using var transaction = imports.BeginRowEdit(importId);
        var import = RequireChecked(transaction.Import.VisibleTo(caller, importId));
        var stored = transaction.ReadRows(edits.Select(e => e.RowNumber).ToList()).ToDictionary(r => r.RowNumber);
        var missing = edits.Select((e, i) => (e, i)).Where(x => !stored.ContainsKey(x.e.RowNumber))
            .Select(x => new FieldViolation(Field(x.i, "row_number"), Invariant($"Row {x.e.RowNumber} is not a row of the import (or it was removed).")))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidRequestException(missing);
        }

        var stale = edits.Where(e => stored[e.RowNumber].Revision != e.ExpectedRevision)
            .Select(e => new RowRevisionMismatch(e.RowNumber, e.ExpectedRevision, stored[e.RowNumber].Revision))
            .OrderBy(m => m.RowNumber)
            .ToList();
        if (stale.Count > 0)
        {
            throw new RowRevisionMismatchException(importId, stale);
        }

        var now = clock.Now();
        var recheck = new RowRecheck(transaction, now);
        foreach (var edit in edits)
        {
            var row = stored[edit.RowNumber];
            recheck.Edit(row, edit.Email ?? row.Email, edit.FirstName ?? row.FirstName, edit.LastName ?? row.LastName, edit.Description ?? row.Description);
        }

        var (changed, edited, affected) = recheck.Apply(import);
        var audit = AuditEvents.For(changed, caller, AuditAction.RowsUpdated, now) with { RowNumbers = edits.Select(e => e.RowNumber).Order().ToList() };
        var committed = transaction.Complete(changed, audit);
        return new RowUpdateResult(committed, edited, affected);
    }

    private RowRemovalResult Remove(Caller caller, string importId, IReadOnlyList<int> rowNumbers)
    {
        using var transaction = imports.BeginRowEdit(importId);
        var import = RequireChecked(transaction.Import.VisibleTo(caller, importId));
        var stored = transaction.ReadRows(rowNumbers);
        if (stored.Count == 0)
        {
            return new RowRemovalResult(import, []); // every row was removed already: nothing changes, nothing to audit
        }

        var now = clock.Now();
        var recheck = new RowRecheck(transaction, now);
        foreach (var row in stored)
        {
            recheck.Remove(row);
        }

        var (changed, _, affected) = recheck.Apply(import);
        var audit = AuditEvents.For(changed, caller, AuditAction.RowsRemoved, now) with { RowNumbers = stored.Select(r => r.RowNumber).ToList() };
        var committed = transaction.Complete(changed, audit);
        return new RowRemovalResult(committed, affected);
    }

    private static ImportRecord RequireChecked(ImportRecord import) => import.State switch
    {
        ImportState.Checked => import,
        ImportState.Applied => throw new ImportStateException(import.ImportId, ErrorReason.ImportAlreadyApplied,
            "The import was already applied: its rows can no longer be changed. Upload a new file for other users."),
        ImportState.Rejected => throw new ImportStateException(import.ImportId, ErrorReason.ImportRejected,
            "The file was rejected by the check, so it has no rows to change. Fix the file diagnostics and upload it again."),
        _ => throw NotChecked(import.ImportId),
    };

    /// <summary>Rows exist once the import is checked; a rejected file has none.</summary>
    private static void RequireRows(ImportRecord import)
    {
        switch (import.State)
        {
            case ImportState.Uploaded:
                throw NotChecked(import.ImportId);
            case ImportState.Rejected:
                throw new ImportStateException(import.ImportId, ErrorReason.ImportRejected,
                    "The file was rejected by the check, so it has no rows. Fix the file diagnostics and upload it again.");
        }
    }

    private static ImportStateException NotChecked(string importId) =>
        new(importId, ErrorReason.ImportNotChecked, "The import has not been checked yet: call CheckImport first.");

    private static void RequireEdits(IReadOnlyList<RowEdit> edits)
    {
        if (edits.Count == 0)
        {
            throw new InvalidRequestException("edits", "edits must name at least one row.");
        }

        if (edits.Count > MaxRowsPerRequest)
        {
            throw new InvalidRequestException("edits", Invariant($"At most {MaxRowsPerRequest:N0} edits fit in one request; this one has {edits.Count:N0}. Send them in several requests."));
        }

        var violations = new List<FieldViolation>();
        var seen = new HashSet<int>();
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i];
            if (edit.RowNumber < 2)
            {
                violations.Add(new FieldViolation(Field(i, "row_number"), Invariant($"row_number {edit.RowNumber} is not a user row: rows are numbered as a spreadsheet shows them, the header being 1 or more.")));
            }
            else if (!seen.Add(edit.RowNumber))
            {
                violations.Add(new FieldViolation(Field(i, "row_number"), Invariant($"Row {edit.RowNumber} is edited twice in one request; send one edit per row.")));
            }

            if (!edit.HasValue)
            {
                violations.Add(new FieldViolation(Field(i), Invariant($"The edit of row {edit.RowNumber} sets no cell: set email, first_name, last_name or description.")));
            }

            foreach (var (name, value) in new[] { ("email", edit.Email), ("first_name", edit.FirstName), ("last_name", edit.LastName), ("description", edit.Description) })
            {
                // Longer than a spreadsheet cell holds: the check would never have stored it either.
                if (value?.Length > ReadingLimits.MaxSpreadsheetCellChars)
                {
                    violations.Add(new FieldViolation(Field(i, name), Invariant($"The value has {value.Length:N0} characters; a cell holds at most {ReadingLimits.MaxSpreadsheetCellChars:N0}.")));
                }
            }
        }

        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }
    }

    private static void RequireRowNumbers(IReadOnlyList<int> rowNumbers)
    {
        if (rowNumbers.Count == 0)
        {
            throw new InvalidRequestException("row_numbers", "row_numbers must name at least one row.");
        }

        if (rowNumbers.Count > MaxRowsPerRequest)
        {
            throw new InvalidRequestException("row_numbers", Invariant($"At most {MaxRowsPerRequest:N0} rows can be removed in one request; this one names {rowNumbers.Count:N0}. Send several requests."));
        }

        var notUserRows = rowNumbers.Where(n => n < 2).ToList();
        if (notUserRows.Count > 0)
        {
            throw new InvalidRequestException("row_numbers", Invariant($"row_numbers holds {notUserRows[0]}, which is not a user row: rows are numbered as a spreadsheet shows them, the header being 1 or more."));
        }
    }

    private static string Field(int index, string? name = null) =>
        Invariant($"edits[{index}]") + (name is null ? "" : "." + name);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
