using System.Globalization;
using System.IO.Compression;
using System.Text;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Reading;

public class ExcelSheetReaderTests
{
    private static readonly string[] Header = ["Email", "First name", "Last name", "Description"];
    private static readonly string[] BlankRow = ["", "", "", ""];

    /// <summary>
    /// The first sheet of typed_cells.xlsx or typed_cells.xls as a person sees it in Calc. Calc 7.4
    /// stores 0 as the cached result of the string formula in D3 of the .xls (see Fixtures/README.md),
    /// and the reader shows cached results without calculating, so the .xls reads "0" there.
    /// </summary>
    private static (int RowNumber, string[] Cells)[] TypedCells(string fixture) =>
    [
        (1, Header),
        (2, ["whole.number@example.com", "12", "Number", "2024-03-15"]),
        (3, ["decimal.number@example.com", "3.5", "Number", fixture.EndsWith(".xls", StringComparison.Ordinal) ? "0" : "ab"]),
        (4, ["sum.formula@example.com", "Sum", "Formula", "2"]),
        (5, ["true.value@example.com", "True", "Boolean", "TRUE"]),
        (6, BlankRow),
        (7, BlankRow),
        (8, ["false.value@example.com", "False", "Boolean", "FALSE"]),
        (9, ["two.decimals@example.com", "Two", "Decimals", "12.50"]),
        (10, ["thousands@example.com", "Thousands", "Separator", "1,234,567"]),
        (11, ["percent@example.com", "Percent", "Cell", "25%"]),
        (12, ["day.first.date@example.com", "Day", "First", "31.12.2024"]),
    ];

    [Theory]
    [InlineData("team_libreoffice.xlsx")]
    [InlineData("team_libreoffice.xls")]
    public void ReadsTheTeamWorkbookAsAPersonSeesIt(string fixture)
    {
        // Arrange
        using var stream = Fixtures.Open(fixture);
        using var reader = new ExcelSheetReader(stream);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(Fixtures.TeamRows(), rows);
    }

    [Theory]
    [InlineData("typed_cells.xlsx")]
    [InlineData("typed_cells.xls")]
    public void ReadsNumbersDatesFormulasBooleansAndNumberFormatsAsTheTextAPersonSees(string fixture)
    {
        // Arrange
        using var stream = Fixtures.Open(fixture);
        using var reader = new ExcelSheetReader(stream);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(TypedCells(fixture), rows);
    }

    [Theory]
    [InlineData("typed_cells.xlsx", "fr-FR")]
    [InlineData("typed_cells.xls", "fr-FR")]
    [InlineData("typed_cells.xlsx", "de-DE")]
    [InlineData("typed_cells.xls", "de-DE")]
    public void FormatsNumbersTheSameWhateverTheCurrentCulture(string fixture, string culture)
    {
        // Arrange
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var stream = Fixtures.Open(fixture);
            using var reader = new ExcelSheetReader(stream);

            // Act
            var rows = Fixtures.ReadAll(reader);

            // Assert
            Fixtures.AssertRows(TypedCells(fixture), rows);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("typed_cells.xlsx")]
    [InlineData("typed_cells.xls")]
    public void ReadsOnlyTheFirstWorksheet(string fixture)
    {
        // Arrange
        using var stream = Fixtures.Open(fixture);
        using var reader = new ExcelSheetReader(stream);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(12, rows.Count);
        Assert.DoesNotContain(rows, r => r.Cells.Contains("second.sheet@example.com"));
        Assert.Null(reader.ReadRow());
    }

    [Theory]
    [InlineData("header_on_row_3.xlsx")]
    [InlineData("header_on_row_3.xls")]
    public void NumbersRowsAsTheSheetDoesWithEmptyRowsAboveTheHeaderAndBetweenUsers(string fixture)
    {
        // Arrange
        using var stream = Fixtures.Open(fixture);
        using var reader = new ExcelSheetReader(stream);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => r.RowNumber));
        Assert.Equal([true, true, false, false, true, true, false], rows.Select(r => r.IsBlank));
        Assert.Equal(Header, rows[2].Cells);
        Assert.Equal(["ines.garcia@example.es", "Inès", "García", "Reviewer, Madrid"], rows[3].Cells);
        Assert.Equal("akira.tanaka@example.jp", rows[6].CellAt(0));
        Assert.Equal("明", rows[6].CellAt(1));
        Assert.Equal("田中", rows[6].CellAt(2));
        Assert.Equal("", rows[6].CellAt(3));
    }

    [Fact]
    public void ReadsFromTheStartOfTheStreamWhereverItIsPositioned()
    {
        // Arrange
        using var stream = Fixtures.Open("team_libreoffice.xlsx");
        stream.Seek(0, SeekOrigin.End);
        using var reader = new ExcelSheetReader(stream);

        // Act
        var first = reader.ReadRow();

        // Assert
        Assert.NotNull(first);
        Assert.Equal(1, first.RowNumber);
        Assert.Equal(Header, first.Cells);
    }

    [Theory]
    [InlineData("team_libreoffice.xlsx", 0.5)]
    [InlineData("team_libreoffice.xlsx", 0.95)]
    [InlineData("team_libreoffice.xls", 0.5)]
    [InlineData("team_libreoffice.xls", 0.2)]
    [InlineData("typed_cells.xls", 0.7)]
    public void ReportsATruncatedWorkbookAsUnreadable(string fixture, double keptFraction)
    {
        // Arrange
        var whole = Fixtures.Bytes(fixture);
        using var stream = Fixtures.Stream(whole[..(int)(whole.Length * keptFraction)]);

        // Act
        var error = Assert.Throws<UnreadableFileException>(() => ReadEverything(stream));

        // Assert
        Assert.Equal(DiagnosticCode.FileUnreadable, error.Code);
    }

    [Fact]
    public void ReportsAnOle2HeaderFollowedByGarbageAsUnreadable()
    {
        // Arrange
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        using var stream = Fixtures.Stream(bytes);

        // Act
        var error = Assert.Throws<UnreadableFileException>(() => ReadEverything(stream));

        // Assert
        Assert.Equal(DiagnosticCode.FileUnreadable, error.Code);
    }

    [Fact]
    public void ReportsAWorksheetWhoseXmlIsCutOffAsUnreadable()
    {
        // Arrange: the team workbook with its sheet XML cut in the middle of row 4.
        using var stream = Rezip("team_libreoffice.xlsx", "xl/worksheets/sheet1.xml", xml => xml[..xml.IndexOf("<c r=\"B4\"", StringComparison.Ordinal)]);

        // Act
        var error = Assert.Throws<UnreadableFileException>(() => ReadEverything(stream));

        // Assert
        Assert.Equal(DiagnosticCode.FileUnreadable, error.Code);
    }

    [Fact]
    public void ReportsAWorkbookWithoutAnyWorksheetAsUnreadable()
    {
        // Arrange
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open(), new UTF8Encoding(false));
            writer.Write("<workbook/>");
        }

        // Act
        var error = Assert.Throws<UnreadableFileException>(() => ReadEverything(stream));

        // Assert
        Assert.Equal(DiagnosticCode.FileUnreadable, error.Code);
    }

    [Theory]
    [InlineData("team_libreoffice.xlsx")]
    [InlineData("team_libreoffice.xls")]
    [InlineData("typed_cells.xlsx")]
    [InlineData("typed_cells.xls")]
    public void ThrowsNothingButUnreadableFileExceptionOnCorruptedBytes(string fixture)
    {
        // Arrange: 100 copies of the workbook, each with a few bytes overwritten at random places.
        var whole = Fixtures.Bytes(fixture);
        var random = new Random(20240315);
        var failures = new List<string>();

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var damaged = (byte[])whole.Clone();
            for (var i = 0; i < 4; i++)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            // Act
            try
            {
                ReadEverything(Fixtures.Stream(damaged));
            }
            catch (UnreadableFileException e) when (e.Code == DiagnosticCode.FileUnreadable)
            {
                // expected for most damage
            }
#pragma warning disable CA1031 // Any other exception is the failure this test looks for.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"attempt {attempt}: {e.GetType().Name}: {e.Message}");
            }
        }

        // Assert
        Assert.Empty(failures);
    }

    private static void ReadEverything(Stream stream)
    {
        using var reader = new ExcelSheetReader(stream);
        while (reader.ReadRow() is not null)
        {
        }
    }

    /// <summary>A copy of a fixture's zip with one entry changed by <paramref name="change"/>, or left out when it returns null.</summary>
    private static MemoryStream Rezip(string fixture, string entryName, Func<string, string?> change)
    {
        using var source = new ZipArchive(Fixtures.Open(fixture), ZipArchiveMode.Read);
        var stream = new MemoryStream();
        using (var target = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var content = reader.ReadToEnd();
                var changed = entry.FullName == entryName ? change(content) : content;
                if (changed is null)
                {
                    continue;
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(changed);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
