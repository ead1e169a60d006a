namespace BulkInvite.Core.Checking;

/// <summary>
/// Rule 4: the header is Email, First name, Last name, then optionally Description, in this order.
/// Names match when equal after dropping everything that is not a letter and ignoring case, so
/// "First name", "first_name", "FIRST NAME" and "FirstName" are one name.
/// </summary>
public static class HeaderRule
{
    private static readonly string[] Expected = UserColumns.All.Select(Key).ToArray();

    /// <summary>The number of columns the header declares (3 or 4), or null with the diagnostic that rejects the file.</summary>
    public static int? Match(IReadOnlyList<string> cells, out Diagnostic? problem)
    {
        var found = cells.Take(LastNonBlank(cells) + 1).ToArray();
        var matches = found.Length is UserColumns.RequiredCount or UserColumns.RequiredCount + 1
            && found.Select(Key).SequenceEqual(Expected.Take(found.Length));
        if (matches)
        {
            problem = null;
            return found.Length;
        }

        // A crafted header can have thousands of cells or huge ones: show the start of it.
        var shown = string.Join(", ", found.Take(MaxCellsShown).Select(Shown)) + (found.Length > MaxCellsShown ? $", ... ({found.Length} cells)" : "");
        problem = Diagnostic.ForFile(
            DiagnosticCode.HeaderMismatch,
            $"The header must be \"Email, First name, Last name\" optionally followed by \"Description\", in this order; the file's header is \"{shown}\". Fix the header row and upload the file again.",
            shown);
        return null;
    }

    private const int MaxCellsShown = 10;
    private const int MaxCellCharsShown = 50;

    private static string Shown(string cell)
    {
        var text = cell.Length > 2 * MaxCellCharsShown ? cell[..(2 * MaxCellCharsShown)].Trim() : cell.Trim();
        if (text.Length == 0)
        {
            return "(blank)";
        }

        return text.Length > MaxCellCharsShown ? text[..MaxCellCharsShown] + "..." : text;
    }

    private static string Key(string name) =>
        string.Concat(name.Where(char.IsLetter)).ToLowerInvariant();

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
