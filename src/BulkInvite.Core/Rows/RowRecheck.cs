using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Rows;

/// <summary>
/// Checks again what an edit or a removal of rows touches, as the check would have: the edited rows
/// with every row rule (<see cref="UserRowValidator"/>, on the row's four cells), the duplicate
/// relations of every address an edited or removed row had or now has (the first row with an address
/// keeps it; each later one is its duplicate), and the already-invited and already-member warnings
/// of every row it rewrites. Rows elsewhere are not read: the work grows with the rows touched, not
/// with the file.
/// </summary>
internal sealed class RowRecheck(IRowEditTransaction transaction, DateTimeOffset now)
{
    /// <summary>The four cells an edited row is made of, whatever the file's layout was (see docs/import-rules.md, "Fixing rows").</summary>
    private static readonly ColumnLayout EditedRowLayout = new(
    [
        new ColumnMapping(1, UserColumns.Email, UserField.Email),
        new ColumnMapping(2, UserColumns.FirstName, UserField.FirstName),
        new ColumnMapping(3, UserColumns.LastName, UserField.LastName),
        new ColumnMapping(4, UserColumns.Description, UserField.Description),
    ]);

    private readonly Dictionary<int, Rewrite> _rewrites = [];
    private readonly Dictionary<int, ImportRowRecord> _removed = [];

    /// <summary>Checks a row with new cells; the revision grows by one.</summary>
    public void Edit(ImportRowRecord stored, string email, string firstName, string lastName, string? description)
    {
        var check = UserRowValidator.Validate(new SheetRow(stored.RowNumber, [email, firstName, lastName, description ?? ""]), EditedRowLayout);
        _rewrites.Add(stored.RowNumber, new Rewrite(stored, check.Row, check.Diagnostics, check.RawEmail, stored.Revision + 1, Edited: true));
    }

    public void Remove(ImportRowRecord stored) => _removed.Add(stored.RowNumber, stored);

    /// <summary>
    /// Works out the duplicates and warnings, stores every rewritten row and removes the removed ones,
    /// and returns the import with its counts after the change, the edited rows as stored, and the
    /// other rows whose diagnostics changed.
    /// </summary>
    public (ImportRecord Import, IReadOnlyList<ImportRowRecord> Edited, IReadOnlyList<int> Affected) Apply(ImportRecord import)
    {
        ResolveDuplicates();
        var rows = _rewrites.Values.OrderBy(r => r.Stored.RowNumber).ToList();
        var stored = AddWarnings(rows);

        var counts = Tally.Of(import);
        foreach (var (before, after) in rows.Select(r => r.Stored).Zip(stored))
        {
            counts = counts - Tally.Of(before) + Tally.Of(after);
        }

        foreach (var removed in _removed.Values)
        {
            counts = counts - Tally.Of(removed) - new Tally(Total: 1, 0, 0, 0, 0, 0);
        }

        transaction.ReplaceRows(stored);
        if (_removed.Count > 0)
        {
            transaction.RemoveRows(_removed.Keys);
        }

        var changed = counts.ApplyTo(import) with { UpdateTime = now };
        var edited = stored.Where(r => _rewrites[r.RowNumber].Edited).ToList();
        var affected = stored.Where(r => !_rewrites[r.RowNumber].Edited).Select(r => r.RowNumber).ToList();
        return (changed, edited, affected);
    }

    /// <summary>
    /// Every address an edited or removed row had or now has: who holds it after the change, and
    /// which of those rows (edited or not) is now a duplicate of which.
    /// </summary>
    private void ResolveDuplicates()
    {
        var addresses = _rewrites.Values.SelectMany(r => new[] { r.Stored.NormalizedEmail, r.Values.NormalizedEmail })
            .Concat(_removed.Values.Select(r => r.NormalizedEmail))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (addresses.Count == 0)
        {
            return;
        }

        var holders = transaction.RowsWithAddresses(addresses)
            .Where(h => !_rewrites.ContainsKey(h.RowNumber) && !_removed.ContainsKey(h.RowNumber))
            .Concat(_rewrites.Values.Where(r => r.Values.NormalizedEmail is not null).Select(r => (r.Stored.RowNumber, r.Values.NormalizedEmail!)))
            .GroupBy(h => h.Item2, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(h => h.Item1).Order().ToList(), StringComparer.Ordinal);

        var others = holders.Values.SelectMany(rows => rows).Where(n => !_rewrites.ContainsKey(n)).ToList();
        var storedOthers = others.Count > 0 ? transaction.ReadRows(others).ToDictionary(r => r.RowNumber) : [];
        foreach (var rows in holders.Values)
        {
            var first = rows[0];
            foreach (var rowNumber in rows)
            {
                int? duplicateOf = rowNumber == first ? null : first;
                if (_rewrites.TryGetValue(rowNumber, out var rewrite))
                {
                    rewrite.DuplicateOf = duplicateOf;
                }
                else if (storedOthers.TryGetValue(rowNumber, out var other) && DuplicateChanges(other, duplicateOf))
                {
                    var kept = other.Diagnostics.Where(d => d.Code is not (DiagnosticCode.DuplicateEmail or DiagnosticCode.AlreadyInvited or DiagnosticCode.AlreadyMember)).ToList();
                    var values = new StagedUser(other.RowNumber, other.Email, other.NormalizedEmail, other.FirstName, other.LastName, other.Description, IsValid: true);
                    _rewrites.Add(rowNumber, new Rewrite(other, values, kept, other.Email, other.Revision, Edited: false) { DuplicateOf = duplicateOf });
                }
            }
        }
    }

    private static bool DuplicateChanges(ImportRowRecord row, int? duplicateOf)
    {
        var current = row.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCode.DuplicateEmail);
        var wanted = duplicateOf is { } first ? DuplicateEmailRule.Diagnostic(row.RowNumber, first, row.Email) : null;
        return current?.Message != wanted?.Message;
    }

    /// <summary>The rows as they will be stored: their duplicate error, their verdict, then the already-invited and already-member warnings of the valid ones.</summary>
    private List<ImportRowRecord> AddWarnings(List<Rewrite> rows)
    {
        var results = new List<(Rewrite Row, List<Diagnostic> Diagnostics, bool Valid)>(rows.Count);
        foreach (var row in rows)
        {
            var diagnostics = new List<Diagnostic>(row.Diagnostics);
            if (row.DuplicateOf is { } first)
            {
                DuplicateEmailRule.InsertAfterEmailDiagnostics(diagnostics, DuplicateEmailRule.Diagnostic(row.Stored.RowNumber, first, row.RawEmail));
            }

            results.Add((row, diagnostics, !diagnostics.Exists(d => d.IsError)));
        }

        var validAddresses = results.Where(r => r.Valid && r.Row.Values.NormalizedEmail is not null)
            .Select(r => r.Row.Values.NormalizedEmail!).ToHashSet(StringComparer.Ordinal);
        var invited = validAddresses.Count > 0 ? transaction.AddressesWithPendingInvitations(validAddresses, now) : new HashSet<string>();
        var members = validAddresses.Count > 0 ? transaction.AddressesOfMembers(validAddresses) : new HashSet<string>();
        return results.Select(r =>
        {
            var values = r.Row.Values;
            if (r.Valid && values.NormalizedEmail is { } address)
            {
                if (invited.Contains(address))
                {
                    r.Diagnostics.Add(Diagnostic.ForRow(values.RowNumber, UserColumns.Email, DiagnosticCode.AlreadyInvited, ImportChecker.AlreadyInvitedMessage, values.Email));
                }

                if (members.Contains(address))
                {
                    r.Diagnostics.Add(Diagnostic.ForRow(values.RowNumber, UserColumns.Email, DiagnosticCode.AlreadyMember, ImportChecker.AlreadyMemberMessage, values.Email));
                }
            }

            return new ImportRowRecord(values.RowNumber, values.Email, values.FirstName, values.LastName, values.Description, values.NormalizedEmail,
                r.Valid, r.Row.Revision, r.Diagnostics);
        }).ToList();
    }

    /// <summary>A row to store again: its values and the diagnostics it keeps, before its duplicate and warnings are known.</summary>
    private sealed record Rewrite(ImportRowRecord Stored, StagedUser Values, List<Diagnostic> Diagnostics, string RawEmail, long Revision, bool Edited)
    {
        public int? DuplicateOf { get; set; }
    }

    /// <summary>What a row adds to an import's counts.</summary>
    private readonly record struct Tally(int Total, int Valid, int Invalid, int Warning, int AlreadyInvited, int AlreadyMember)
    {
        public static Tally Of(ImportRecord import) =>
            new(import.TotalRows, import.ValidRows, import.InvalidRows, import.WarningRows, import.AlreadyInvitedRows, import.AlreadyMemberRows);

        public static Tally Of(ImportRowRecord row) => row.IsValid
            ? new Tally(0, 1, 0,
                row.Diagnostics.Any(d => d.Severity == Severity.Warning) ? 1 : 0,
                row.Diagnostics.Any(d => d.Code == DiagnosticCode.AlreadyInvited) ? 1 : 0,
                row.Diagnostics.Any(d => d.Code == DiagnosticCode.AlreadyMember) ? 1 : 0)
            : new Tally(0, 0, 1, 0, 0, 0);

        public static Tally operator +(Tally a, Tally b) =>
            new(a.Total + b.Total, a.Valid + b.Valid, a.Invalid + b.Invalid, a.Warning + b.Warning, a.AlreadyInvited + b.AlreadyInvited, a.AlreadyMember + b.AlreadyMember);

        public static Tally operator -(Tally a, Tally b) =>
            new(a.Total - b.Total, a.Valid - b.Valid, a.Invalid - b.Invalid, a.Warning - b.Warning, a.AlreadyInvited - b.AlreadyInvited, a.AlreadyMember - b.AlreadyMember);

        public ImportRecord ApplyTo(ImportRecord import) => import with
        {
            TotalRows = Total,
            ValidRows = Valid,
            InvalidRows = Invalid,
            WarningRows = Warning,
            AlreadyInvitedRows = AlreadyInvited,
            AlreadyMemberRows = AlreadyMember,
        };
    }
}
