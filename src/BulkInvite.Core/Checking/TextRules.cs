namespace BulkInvite.Core.Checking;

/// <summary>Trimming and the characters no cell may hold (rule 6 of docs/import-rules.md).</summary>
public static class TextRules
{
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
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                if (allowLineBreaks && c is '\t' or '\r' or '\n')
                {
                    continue;
                }

                return c;
            }

            if (IsDirectionOverride(c) || c is '\uFEFF' or '\u200B')
            {
                return c;
            }

            if (char.IsSurrogate(c) && IsLoneSurrogate(value, i))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Counts Unicode scalar values, so a character outside the BMP (an emoji) counts once.</summary>
    public static int CharacterCount(string value)
    {
        var surrogates = 0;
        foreach (var c in value)
        {
            if (char.IsLowSurrogate(c))
            {
                surrogates++;
            }
        }

        return value.Length - surrogates;
    }

    /// <summary>A value that a spreadsheet would run as a formula (OWASP CSV injection).</summary>
    public static bool HasFormulaPrefix(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool IsDirectionOverride(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    // A lone surrogate cannot be stored or sent as UTF-8; a paired one is an ordinary character.
    private static bool IsLoneSurrogate(string value, int i) => char.IsHighSurrogate(value[i])
        ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
        : i == 0 || !char.IsHighSurrogate(value[i - 1]);
}
