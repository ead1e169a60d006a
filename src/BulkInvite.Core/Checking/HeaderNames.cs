using System.Globalization;
using System.Text;
using F23.StringSimilarity;

namespace BulkInvite.Core.Checking;

/// <summary>
/// Which field a header cell names (rule 4 of docs/import-rules.md): the documented aliases in the
/// languages of the sample files (English, French, German, Spanish), compared by <see cref="Key"/>,
/// and the closest alias to a name that matches none, for a "did you mean" hint.
/// </summary>
public static class HeaderNames
{
    /// <summary>The aliases of each field as docs/import-rules.md lists them; the first is the canonical name.</summary>
    public static IReadOnlyDictionary<UserField, IReadOnlyList<string>> Aliases { get; } = new Dictionary<UserField, IReadOnlyList<string>>
    {
        [UserField.Email] =
        [
            "Email", "E-mail", "Email address", "E-mail address", "Mail", "Mail address",
            "Courriel", "Adresse e-mail", "Adresse mail", "Adresse courriel", "Adresse électronique",
            "E-Mail-Adresse", "Mailadresse",
            "Correo electrónico", "Correo", "Dirección de correo electrónico", "Dirección de correo",
        ],
        [UserField.FirstName] = ["First name", "Given name", "Forename", "Prénom", "Vorname", "Nombre"],
        [UserField.LastName] = ["Last name", "Surname", "Family name", "Nom", "Nom de famille", "Nachname", "Familienname", "Apellidos", "Apellido"],
        [UserField.Description] =
        [
            "Description", "Notes", "Note", "Comment", "Comments", "Info", "Information",
            "Commentaire", "Remarques", "Beschreibung", "Bemerkung", "Bemerkungen", "Notizen", "Kommentar",
            "Descripción", "Notas", "Comentario", "Comentarios",
        ],
    };

    // Longer text is never an alias; cutting it first keeps a crafted 1 MB header cell cheap.
    private const int MaxKeyedLength = 256;

    private static readonly Dictionary<string, UserField> FieldByKey = BuildKeys();
    private static readonly OptimalStringAlignment Distance = new();

    /// <summary>
    /// The text a header is compared by: compatibility-decomposed (full-width letters become ASCII),
    /// accents and other combining marks dropped ("Prénom" = "Prenom"), case-folded with the invariant
    /// culture, and without white space, dashes, underscores, dots, stars, colons and invisible
    /// formatting characters. So "E-mail", "e_mail", "E MAIL", "Email*" and "email:" are one name.
    /// </summary>
    public static string Key(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = header.Length > MaxKeyedLength ? header[..MaxKeyedLength] : header;
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (!IsIgnored(c))
            {
                key.Append(char.ToLowerInvariant(char.ToUpperInvariant(c)));
            }
        }

        return key.ToString();
    }

    /// <summary>The field a header names, or null when it names none.</summary>
    public static UserField? FieldOf(string header) =>
        FieldByKey.TryGetValue(Key(header), out var field) ? field : null;

    /// <summary>
    /// The alias of one of <paramref name="fields"/> closest to a header that names no field, when it
    /// is near: at most one edit (an insertion, deletion, substitution or swap of neighbours) for
    /// aliases of 4 or 5 characters, two for longer ones, none for shorter ones ("No" is not "Nom").
    /// </summary>
    public static (string Alias, UserField Field, double Distance)? Closest(string header, IEnumerable<UserField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var key = Key(header);
        (string Alias, UserField Field, double Distance)? best = null;
        foreach (var field in fields)
        {
            foreach (var alias in Aliases[field])
            {
                var aliasKey = Key(alias);
                var allowed = MaxEdits(aliasKey.Length);
                if (Math.Abs(aliasKey.Length - key.Length) > allowed)
                {
                    continue;
                }

                var distance = Distance.Distance(key, aliasKey);
                if (distance <= allowed && (best is null || distance < best.Value.Distance))
                {
                    best = (alias, field, distance);
                }
            }
        }

        return best;
    }

    private static int MaxEdits(int aliasLength) => aliasLength switch
    {
        < 4 => 0,
        < 6 => 1,
        _ => 2,
    };

    private static bool IsIgnored(char c) =>
        char.IsWhiteSpace(c) || c is '.' or '*' or ':' || char.GetUnicodeCategory(c) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;

    private static Dictionary<string, UserField> BuildKeys()
    {
        var keys = new Dictionary<string, UserField>(StringComparer.Ordinal);
        foreach (var (field, aliases) in Aliases)
        {
            foreach (var alias in aliases)
            {
                // Two spellings of one field may share a key; one key naming two fields would be a bug in the list.
                if (keys.TryGetValue(Key(alias), out var other) && other != field)
                {
                    throw new InvalidOperationException($"The alias \"{alias}\" names both {other} and {field}.");
                }

                keys[Key(alias)] = field;
            }
        }

        return keys;
    }
}
