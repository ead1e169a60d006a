using System.Globalization;
using System.Security;
using System.Text;
using BulkInvite.Core.Checking;
using CsCheck;
using BulkInvite.Testing;

namespace BulkInvite.Core.Tests.Hostile;

/// <summary>
/// Properties (CsCheck): the same rows check to the same diagnostics whatever the file's format
/// (CSV or XLSX), encoding (UTF-8 with and without BOM, UTF-16 LE and BE, UTF-32, Windows-1252) and
/// separator (comma, semicolon, tab), shuffling the rows only renumbers the diagnostics, and
/// reordering and renaming the columns (by their aliases) changes nothing but the mapping.
/// </summary>
public class FormatEquivalenceProperties
{
    private static readonly string[] Header = ["Email", "First name", "Last name", "Description"];

    // Values that exercise the rules and the quoting: separators, quotes, line breaks, spaces,
    // formula prefixes, invisible characters, non-ASCII letters, lengths around the limits.
    private static readonly Gen<string> Name = Gen.OneOf(
        "Ann", "Zoë", "Bjørn", "明", "", " ", "  Lee  ", "O'Neil", "Jo\"hn", "Smith, Jr.", "a;b", "tab\there", "two\nlines",
        "=SUM(A1)", "-5", "@home", "Evil\u202Egnp", "zero\u200Bwidth", new string('n', 100), new string('n', 101), "\"quoted\"");

    private static readonly Gen<string> Description = Gen.OneOf(
        "", "Sales", "Line 1\nLine 2", "Reviewer, Madrid", "Says \"hi\"; twice", "+1 555", new string('d', 1000), new string('d', 1001), "café – œuvre");

    private static readonly Gen<string> BadEmail = Gen.OneOf(
        "", "not-an-email", "a@b", "Ann <ann@example.com>", "two@@example.com", "a@[1.2.3.4]", "x@example.com; y@example.com", "full\uFF20width.com", " ");

    private static readonly Gen<string[]> Row = Gen.Select(Gen.Int[0, 9], BadEmail, Gen.Int[0, 30], Name, Name, Description, Gen.Int[0, 9])
        .Select((kind, bad, id, first, last, description, extra) => new[]
        {
            kind < 7 ? (kind == 6 ? $"  User{id}@Example.COM " : $"user{id}@example.com") : bad, // valid ones repeat: duplicates
            first,
            last,
            description,
            extra == 0 ? "extra" : "",
        });

    private static readonly Gen<string[][]> Rows = Row.Array[1, 15];

    private static readonly (string Encoding, char Separator)[] CsvDialects =
    [
        ("utf-8", ','), ("utf-8-bom", ';'), ("utf-16le-bom", '\t'), ("utf-16be-bom", ','), ("windows-1252", ';'),
        ("utf-8", '\t'), ("utf-16le-bom", ';'), ("windows-1252", ','), ("utf-32le-bom", '\t'),
    ];

    [Fact]
    public void TheSameRowsCheckToTheSameDiagnosticsAsCsvInEveryEncodingAndSeparatorAndAsXlsx()
    {
        Rows.Sample(rows =>
        {
            // Arrange
            var expected = Summarize(HostileCheck.Run(Xlsx(rows)));

            foreach (var (encoding, separator) in CsvDialects)
            {
                if (Csv(rows, encoding, separator) is not { } csv)
                {
                    continue; // a character this encoding cannot hold
                }

                // Act
                var actual = Summarize(HostileCheck.Run(csv));

                // Assert
                Assert.True(expected.SequenceEqual(actual), $"{encoding} '{separator}':\nxlsx: {string.Join(" | ", expected)}\ncsv:  {string.Join(" | ", actual)}");
            }
        }, iter: 40);
    }

    [Fact]
    public void ShufflingTheRowsOnlyRenumbersTheDiagnostics()
    {
        Gen.Select(Rows, Gen.Int).Sample((generated, seed) =>
        {
            // Arrange: distinct valid addresses, since which copy of a repeated one is the duplicate depends on the order.
            var rows = generated.Select((row, i) => row[0].Contains("@Example.COM", StringComparison.OrdinalIgnoreCase) ? [$"user{i}@example.com", .. row[1..]] : row).ToArray();
            var order = Enumerable.Range(0, rows.Length).ToArray();
            new Random(seed).Shuffle(order);
            var shuffled = order.Select(i => rows[i]).ToArray();

            // Act
            var original = HostileCheck.Run(Csv(rows, "utf-8", ',')!);
            var reordered = HostileCheck.Run(Csv(shuffled, "utf-8", ',')!);

            // Assert: row n of the shuffled file is row order[n - 2] + 2 of the original.
            var renumbered = reordered.RowDiagnostics.Select(d => d with { RowNumber = order[d.RowNumber - 2] + 2 }).OrderBy(d => d.RowNumber).ToList();
            Assert.Equal(original.RowDiagnostics, renumbered);
            Assert.Equal(original.Result, reordered.Result);
        }, iter: 100);
    }

    [Fact]
    public void ReorderingAndRenamingTheColumnsChangesNothingButTheMapping()
    {
        Gen.Select(Rows, Gen.Int, Gen.Int[0, 2]).Sample((rows, seed, spelling) =>
        {
            // Arrange: the four columns in a random order under one of their aliases, then a column that is
            // not imported; the generated fifth cell stays in a column without a header (EXTRA_FIELDS).
            var order = Enumerable.Range(0, 4).ToArray();
            new Random(seed).Shuffle(order);
            string[] header = [.. order.Select(i => Aliases[i][spelling]), "Department"];
            // A blank row stays blank (a value in a column not imported would make it a row to check).
            var reordered = rows.Select(row => (string[])[.. order.Select(i => row[i]), row.All(string.IsNullOrWhiteSpace) ? "" : "Sales", row[4]]).ToArray();
            var expected = Summarize(HostileCheck.Run(Csv(rows, "utf-8", ',')!));

            foreach (var file in new[] { Csv(reordered, "utf-8", ';', header)!, Xlsx(reordered, header) })
            {
                // Act
                var outcome = HostileCheck.Run(file);

                // Assert
                var warning = Assert.Single(outcome.Result.FileDiagnostics);
                Assert.Equal((DiagnosticCode.ColumnsNotImported, "Department"), (warning.Code, warning.Value));
                var actual = Summarize(outcome).Where(line => !line.Contains(nameof(DiagnosticCode.ColumnsNotImported), StringComparison.Ordinal));
                Assert.True(expected.SequenceEqual(actual), $"header {string.Join(", ", header)}:\nexpected: {string.Join(" | ", expected)}\nactual:   {string.Join(" | ", actual)}");
                Assert.Equal(order.Select(i => UserColumns.Fields[i]), outcome.Result.Columns.Take(4).Select(c => c.Field!.Value));
            }
        }, iter: 40);
    }

    // Three spellings of each column, in the order of Header.
    private static readonly string[][] Aliases =
    [
        ["Email", "Courriel", "E-Mail-Adresse"],
        ["First name", "Prénom", "Vorname"],
        ["Last name", "Nom", "Nachname"],
        ["Description", "Notes", "Beschreibung"],
    ];

    /// <summary>The file diagnostics, every row diagnostic, and every staged user, as lines to compare.</summary>
    private static List<string> Summarize(CheckOutcome outcome) =>
    [
        .. outcome.Result.FileDiagnostics.Select(d => $"file {d.Code}"),
        .. outcome.RowDiagnostics.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.RowNumber} {d.Column} {d.Code} {d.Value}")),
        .. outcome.Staged.Select(u => string.Create(CultureInfo.InvariantCulture, $"staged {u.RowNumber} {u.NormalizedEmail} {u.FirstName}|{u.LastName}|{u.Description} {u.IsValid}")),
    ];

    /// <summary>The rows as CSV text in an encoding, or null when a value cannot be encoded in it.</summary>
    private static byte[]? Csv(string[][] rows, string encoding, char separator, string[]? header = null)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header ?? Header))
        {
            text.Append(string.Join(separator, row.Select(v => Quote(v, separator)))).Append("\r\n");
        }

        var (target, bom) = encoding switch
        {
            "utf-8" => (new UTF8Encoding(false), Array.Empty<byte>()),
            "utf-8-bom" => (new UTF8Encoding(false), new byte[] { 0xEF, 0xBB, 0xBF }),
            "utf-16le-bom" => (new UnicodeEncoding(false, false, true), new byte[] { 0xFF, 0xFE }),
            "utf-16be-bom" => (new UnicodeEncoding(true, false, true), new byte[] { 0xFE, 0xFF }),
            "utf-32le-bom" => (new UTF32Encoding(false, false, true), new byte[] { 0xFF, 0xFE, 0x00, 0x00 }),
            _ => ((Encoding)Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), Array.Empty<byte>()),
        };
        try
        {
            return [.. bom, .. target.GetBytes(text.ToString())];
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    private static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>The rows as an xlsx whose every cell is an inline string (empty cells left out).</summary>
    private static byte[] Xlsx(string[][] rows, string[]? header = null)
    {
        var sheet = new StringBuilder();
        var all = rows.Prepend(header ?? Header).ToArray();
        for (var r = 0; r < all.Length; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < all[r].Length; c++)
            {
                if (all[r][c].Length > 0)
                {
                    var reference = UserColumns.Letter(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(all[r][c])}</t></is></c>");
                }
            }

            sheet.Append("</row>");
        }

        return TestZips.Xlsx(sheet.ToString());
    }
}
