using System.Globalization;

namespace BulkInvite.Core.Checking;

/// <summary>
/// Rule 4: the header names its columns, in any order. Email, First name and Last name must each
/// appear once, Description at most once, by any alias of <see cref="HeaderNames"/>; any other named
/// column is not imported (one warning names them). A first row that looks like a user rather than a
/// header, a field named twice, or a missing required field rejects the file.
/// </summary>
public static class HeaderRule
{
    /// <summary>The most columns a spreadsheet program has (Excel and LibreOffice: XFD, 16,384).</summary>
    public const int MaxColumns = 16_384;

    private const int MaxCellsShown = 10;
    private const int MaxCellCharsShown = 50;
    private const string Needed = "Email, First name and Last name, in any order (Description is optional; other columns are not imported)";

    /// <summary>Maps the cells of the header row (the first non-blank row, numbered as a spreadsheet shows it).</summary>
    public static HeaderMatch Match(IReadOnlyList<string> cells, int rowNumber)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var width = LastNonBlank(cells) + 1;
        if (width > MaxColumns)
        {
            return Rejected([], Diagnostic.ForFile(DiagnosticCode.FileLimitExceeded, string.Create(CultureInfo.InvariantCulture,
                $"The header (row {rowNumber}) has {width:N0} columns, more than the {MaxColumns:N0} a spreadsheet has. Keep only the columns of the users and upload the file again.")));
        }

        var found = cells.Take(width).ToArray();
        var columns = found.Select((cell, i) => new ColumnMapping(i + 1, HeaderText(cell), TextRules.IsBlank(cell) ? null : HeaderNames.FieldOf(cell))).ToList();
        if (LooksLikeAUser(found, columns, rowNumber) is { } notAHeader)
        {
            return Rejected([], notAHeader);
        }

        var errors = new List<Diagnostic>();
        foreach (var field in UserColumns.Fields)
        {
            var named = columns.Where(c => c.Field == field).ToList();
            if (named.Count > 1)
            {
                errors.Add(NamedTwice(field, named));
            }
        }

        var missing = UserColumns.Fields.Where(f => UserColumns.IsRequired(f) && columns.TrueForAll(c => c.Field != f)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(Missing(missing, found, columns));
        }

        if (errors.Count > 0)
        {
            return Rejected(columns, [.. errors]);
        }

        var notImported = columns.Where(c => c.Field is null && c.Header.Length > 0).ToList();
        var warnings = notImported.Count > 0 ? new[] { NotImported(notImported, columns) } : [];
        return new HeaderMatch(new ColumnLayout(columns), columns, warnings);
    }

    private static HeaderMatch Rejected(IReadOnlyList<ColumnMapping> columns, params Diagnostic[] errors) => new(null, columns, errors);

    /// <summary>
    /// A first row holding an address is a user, not a header (the header row was left out); so is one
    /// that names no column at all and holds an '@'.
    /// </summary>
    private static Diagnostic? LooksLikeAUser(string[] cells, List<ColumnMapping> columns, int rowNumber)
    {
        var withAt = Array.FindIndex(cells, c => c.Contains('@', StringComparison.Ordinal));
        if (withAt < 0)
        {
            return null;
        }

        var address = Array.FindIndex(cells, c => c.Contains('@', StringComparison.Ordinal) && EmailAddressRule.Check(TextRules.Trim(c)).IsValid);
        if (address < 0 && columns.Exists(c => c.Field is not null))
        {
            return null;
        }

        var index = address >= 0 ? address : withAt;
        var what = address >= 0 ? "the address" : "what looks like an address,";
        var cell = UserColumns.Letter(index) + rowNumber.ToString(CultureInfo.InvariantCulture);
        return Diagnostic.ForFile(DiagnosticCode.HeaderRowMissing,
            $"The header row seems to be missing: the first row (row {rowNumber}) looks like a user, since cell {cell} holds {what} \"{Shown(cells[index])}\". " +
            $"Insert a row above it that names each column (Email, First name, Last name, and Description if you use it, in any order) and upload the file again.",
            ShownHeader(cells));
    }

    private static Diagnostic NamedTwice(UserField field, List<ColumnMapping> named)
    {
        var letters = Join(named.Select(c => c.Letter).ToList(), "and");
        var headers = string.Join(", ", named.Select(c => $"\"{Shown(c.Header)}\""));
        var quantifier = named.Count == 2 ? "both" : "all";
        return Diagnostic.ForFile(DiagnosticCode.DuplicateColumn,
            $"Columns {letters} are {quantifier} {UserColumns.NameOf(field)} ({headers}); a column may appear once. Keep one of them (delete or rename the others) and upload the file again.",
            string.Join(", ", named.Select(c => c.Header)));
    }

    private static Diagnostic Missing(List<UserField> missing, string[] found, List<ColumnMapping> columns)
    {
        var shown = ShownHeader(found);
        var names = Join(missing.Select(UserColumns.NameOf).ToList(), "or");
        var hints = Hints(columns, missing).Select(h => $" Found \"{Shown(h.Column.Header)}\": did you mean {Suggested(h.Alias, h.Field)}?");
        return Diagnostic.ForFile(DiagnosticCode.HeaderMismatch,
            $"The header has no {names} column. It needs {Needed}; the file's header is \"{shown}\".{string.Concat(hints)} Fix the header row and upload the file again.",
            shown);
    }

    private static Diagnostic NotImported(List<ColumnMapping> notImported, List<ColumnMapping> columns)
    {
        var listed = notImported.Take(MaxCellsShown).Select(c => $"{Shown(c.Header)} ({c.Letter})").ToList();
        if (notImported.Count > MaxCellsShown)
        {
            listed.Add(string.Create(CultureInfo.InvariantCulture, $"{notImported.Count - MaxCellsShown} more columns"));
        }

        var verb = notImported.Count == 1 ? "is" : "are";
        var unmapped = UserColumns.Fields.Where(f => columns.TrueForAll(c => c.Field != f)).ToList();
        var hints = Hints(columns, unmapped).Select(h => $" \"{Shown(h.Column.Header)}\" looks like {Suggested(h.Alias, h.Field)}.");
        return Diagnostic.WarningForFile(DiagnosticCode.ColumnsNotImported,
            $"{Join(listed, "and")} {verb} not imported: only Email, First name, Last name and Description are.{string.Concat(hints)} To import a column, rename it to one of those names.",
            string.Join(", ", notImported.Select(c => c.Header)));
    }

    /// <summary>For each field, the closest not-imported column to one of its aliases, each column used once.</summary>
    private static List<(ColumnMapping Column, string Alias, UserField Field)> Hints(List<ColumnMapping> columns, List<UserField> fields)
    {
        var hints = new List<(ColumnMapping Column, string Alias, UserField Field)>();
        var candidates = columns.Where(c => c.Field is null && c.Header.Length > 0).ToList();
        foreach (var field in fields)
        {
            var best = candidates
                .Select(c => (Column: c, Match: HeaderNames.Closest(c.Header, [field])))
                .Where(m => m.Match is not null)
                .OrderBy(m => m.Match!.Value.Distance)
                .FirstOrDefault();
            if (best.Match is { } match)
            {
                hints.Add((best.Column, match.Alias, field));
                candidates.Remove(best.Column);
            }
        }

        return hints;
    }

    private static string Suggested(string alias, UserField field) =>
        alias == UserColumns.NameOf(field) ? alias : $"{alias} ({UserColumns.NameOf(field)})";

    private static string Join(List<string> items, string conjunction) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}",
    };

    // A crafted header can have thousands of cells or huge ones: show the start of it.
    private static string ShownHeader(string[] found) =>
        string.Join(", ", found.Take(MaxCellsShown).Select(Shown)) + (found.Length > MaxCellsShown ? string.Create(CultureInfo.InvariantCulture, $", ... ({found.Length} cells)") : "");

    private static string Shown(string cell)
    {
        var text = cell.Length > 2 * MaxCellCharsShown ? cell[..(2 * MaxCellCharsShown)].Trim() : cell.Trim();
        if (text.Length == 0)
        {
            return "(blank)";
        }

        return text.Length > MaxCellCharsShown ? text[..MaxCellCharsShown] + "..." : text;
    }

    private static string HeaderText(string cell)
    {
        var text = cell.Length > 2 * ColumnMapping.MaxHeaderLength ? cell[..(2 * ColumnMapping.MaxHeaderLength)] : cell;
        text = TextRules.Trim(text);
        if (text.Length <= ColumnMapping.MaxHeaderLength)
        {
            return text;
        }

        // Do not split a surrogate pair: the header must stay valid UTF-16 to be stored and sent.
        var length = char.IsHighSurrogate(text[ColumnMapping.MaxHeaderLength - 1]) ? ColumnMapping.MaxHeaderLength - 1 : ColumnMapping.MaxHeaderLength;
        return text[..length];
    }

    private static int LastNonBlank(IReadOnlyList<string> cells)
    {
        for (var i = cells.Count - 1; i >= 0; i--)
        {
            if (!TextRules.IsBlank(cells[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
