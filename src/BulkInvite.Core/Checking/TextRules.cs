using System.Buffers;

namespace BulkInvite.Core.Checking;

/// <summary>
/// Trimming and the characters no cell may hold (rule 6 of docs/import-rules.md). The scans are
/// vectorized searches, so a long value (a 1 MB shared string referenced by thousands of cells)
/// costs little each time it is checked.
/// </summary>
public static class TextRules
{
    // Every character char.IsWhiteSpace accepts.
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private static readonly SearchValues<char> ForbiddenInNames = SearchValues.Create(Forbidden(allowLineBreaks: false));
    private static readonly SearchValues<char> ForbiddenInText = SearchValues.Create(Forbidden(allowLineBreaks: true));

    /// <summary>The value is empty or only white space, as <see cref="string.IsNullOrWhiteSpace"/> says.</summary>
    public static bool IsBlank(string? value) => value is null || value.AsSpan().IndexOfAnyExcept(WhiteSpace) < 0;

    /// <summary>
    /// Trims white space as <see cref="char.IsWhiteSpace(char)"/> defines it, which includes the
    /// non-breaking spaces (U+00A0, U+202F) that spreadsheets and web forms leave around values.
    /// </summary>
    public static string Trim(string? value) => string.IsNullOrEmpty(value) ? "" : value.Trim();

    /// <summary>
    /// The first character that makes a value INVALID_CHARACTERS, or null: control characters
    /// (tab, CR and LF allowed only where <paramref name="allowLineBreaks"/>), and the invisible
    /// direction overrides and isolates that can make a name display as something else.
    /// </summary>
    public static char? FindForbiddenCharacter(string value, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(value);
        var span = value.AsSpan();
        var forbidden = span.IndexOfAny(allowLineBreaks ? ForbiddenInText : ForbiddenInNames);
        var lone = FindLoneSurrogate(span, forbidden < 0 ? span.Length : forbidden);
        var first = lone >= 0 ? lone : forbidden;
        return first >= 0 ? span[first] : null;
    }

    /// <summary>Counts Unicode scalar values, so a character outside the BMP (an emoji) counts once.</summary>
    public static int CharacterCount(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var span = value.AsSpan();
        var surrogates = 0;
        for (var i = span.IndexOfAnyInRange('\uDC00', '\uDFFF'); i >= 0;)
        {
            surrogates++;
            var next = span[(i + 1)..].IndexOfAnyInRange('\uDC00', '\uDFFF');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return value.Length - surrogates;
    }

    /// <summary>A value that a spreadsheet would run as a formula (OWASP CSV injection).</summary>
    public static bool HasFormulaPrefix(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The index of the first lone surrogate before <paramref name="before"/>, or -1.</summary>
    private static int FindLoneSurrogate(ReadOnlySpan<char> span, int before)
    {
        for (var i = span[..before].IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < before;)
        {
            if (IsLoneSurrogate(span, i))
            {
                return i;
            }

            // A high surrogate followed by its low one: skip the pair.
            var from = char.IsHighSurrogate(span[i]) ? i + 2 : i + 1;
            var next = from < before ? span[from..before].IndexOfAnyInRange('\uD800', '\uDFFF') : -1;
            i = next < 0 ? -1 : from + next;
        }

        return -1;
    }

    // Control characters (tab, CR and LF allowed only in text), the invisible direction overrides and
    // isolates that can make a name display as something else, U+FEFF and U+200B.
    private static string Forbidden(bool allowLineBreaks)
    {
        var chars = new List<char>();
        for (var c = '\0'; c <= '\u009F'; c++)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\r' or '\n'))
            {
                chars.Add(c);
            }
        }

        chars.AddRange("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF\u200B");
        return new string([.. chars]);
    }

    // A lone surrogate cannot be stored or sent as UTF-8; a paired one is an ordinary character.
    private static bool IsLoneSurrogate(ReadOnlySpan<char> value, int i) => char.IsHighSurrogate(value[i])
        ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
        : i == 0 || !char.IsHighSurrogate(value[i - 1]);
}
