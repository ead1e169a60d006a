using System.Globalization;
using System.Text;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Reading;

public class CsvSheetReaderTests
{
    private const int MaxRecordBytes = 1024 * 1024;

    private static readonly string[] Header = ["Email", "First name", "Last name", "Description"];

    [Theory]
    [InlineData("team_utf8.csv", true)]
    [InlineData("team_excel_fr_semicolon.csv", false)]
    [InlineData("team_unicode_text.csv", true)]
    public void ReadsTheTeamFixturesInTheirEncodingsAndSeparators(string fixture, bool japanese)
    {
        // Arrange: UTF-8 with commas; Windows-1252 with semicolons (Excel, French locale); UTF-16 LE with tabs (Excel's Unicode Text)
        using var stream = Fixtures.Open(fixture);
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(Fixtures.TeamRows(japanese), rows);
    }

    [Fact]
    public void ReadsTheLibreOfficeExportWithQuotesSemicolonsALineBreakInACellAndAnEmptyRow()
    {
        // Arrange
        using var stream = Fixtures.Open("quoting_libreoffice_semicolon.csv");
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, Header),
            (2, ["john.oneil@example.com", "Jo\"hn", "O'Neil", "Says \"hi\"; twice"]),
            (3, ["zoe.muller@example.de", "Zoë", "Müller", "First line\nSecond line"]),
            (4, ["", "", "", ""]),
            (5, ["li.wei@example.cn", "伟", "李", "Sales, Europe"]),
        ], rows);
        Assert.True(rows[3].IsBlank);
    }

    [Theory]
    [InlineData("Email;First name;Last name\r\nada@example.com;Lovelace, Ada;x\r\n", new[] { "ada@example.com", "Lovelace, Ada", "x" })]
    [InlineData("Email\tFirst name\tLast name\r\nada@example.com\tAda; Countess\tLovelace, A.\r\n", new[] { "ada@example.com", "Ada; Countess", "Lovelace, A." })]
    [InlineData("Email,First name,Last name\r\nada@example.com;x;y,Ada\tB,Lovelace\r\n", new[] { "ada@example.com;x;y", "Ada\tB", "Lovelace" })]
    public void ChoosesTheSeparatorFromTheHeaderLineNotTheData(string csv, string[] expectedSecondRow)
    {
        // Arrange
        using var reader = Reader(csv);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(2, rows.Count);
        Assert.Equal(3, rows[0].Cells.Count);
        Assert.Equal(expectedSecondRow, rows[1].Cells);
    }

    [Theory]
    [InlineData("a,b;c\r\n1,2;3\r\n", new[] { "1", "2;3" })]
    [InlineData("a\tb,c\r\n1\t2,3\r\n", new[] { "1\t2", "3" })]
    [InlineData("a,b;c\td\r\n1,2;3\t4\r\n", new[] { "1", "2;3\t4" })]
    public void ChoosesTheCommaOnATie(string csv, string[] expectedSecondRow)
    {
        // Arrange
        using var reader = Reader(csv);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(expectedSecondRow, rows[1].Cells);
    }

    [Fact]
    public void DoesNotCountSeparatorsInsideQuotesInTheHeader()
    {
        // Arrange: three semicolons inside the quotes, two commas outside.
        using var reader = Reader("\"Email; work; home; other\",First name,Last name\r\nada@example.com,Ada,Lovelace\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, ["Email; work; home; other", "First name", "Last name"]),
            (2, ["ada@example.com", "Ada", "Lovelace"]),
        ], rows);
    }

    [Fact]
    public void TakesTheHeaderFromTheFirstNonBlankLine()
    {
        // Arrange: two empty lines and a line of nothing but commas above a semicolon header.
        using var reader = Reader("\r\n\r\n,,,\r\nEmail;First name;Last name\r\nada@example.com;Ada;Lovelace, Countess\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, [""]),
            (2, [""]),
            (3, [",,,"]),
            (4, ["Email", "First name", "Last name"]),
            (5, ["ada@example.com", "Ada", "Lovelace, Countess"]),
        ], rows);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void ReadsEachKindOfLineEnd(string newLine)
    {
        // Arrange
        using var reader = Reader(string.Join(newLine, "Email,First name,Last name", "ada@example.com,Ada,Lovelace", "grace@example.com,Grace,Hopper") + newLine);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, ["Email", "First name", "Last name"]),
            (2, ["ada@example.com", "Ada", "Lovelace"]),
            (3, ["grace@example.com", "Grace", "Hopper"]),
        ], rows);
    }

    [Fact]
    public void ReadsMixedLineEndsInOneFile()
    {
        // Arrange
        using var reader = Reader("Email,First name\r\nada@example.com,Ada\ngrace@example.com,Grace\remilie@example.fr,Émilie\r\n\njose@example.es,José");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, ["Email", "First name"]),
            (2, ["ada@example.com", "Ada"]),
            (3, ["grace@example.com", "Grace"]),
            (4, ["emilie@example.fr", "Émilie"]),
            (5, [""]),
            (6, ["jose@example.es", "José"]),
        ], rows);
    }

    [Fact]
    public void ReadsQuotedFieldsHoldingSeparatorsDoubledQuotesAndLineBreaks()
    {
        // Arrange
        using var reader = Reader(
            "Email,First name,Last name,Description\r\n" +
            "ada@example.com,\"Ada, Countess\",\"Lovelace \"\"the Enchantress\"\"\",\"Line 1\r\nLine 2\nLine 3\rLine 4\"\r\n" +
            "grace@example.com,Grace,Hopper,\"\"\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, Header),
            (2, ["ada@example.com", "Ada, Countess", "Lovelace \"the Enchantress\"", "Line 1\r\nLine 2\nLine 3\rLine 4"]),
            (3, ["grace@example.com", "Grace", "Hopper", ""]),
        ], rows);
    }

    [Fact]
    public void KeepsAStrayQuoteInsideAnUnquotedFieldLiterally()
    {
        // Arrange
        using var reader = Reader("Email,First name,Last name\r\njohn@example.com,Jo\"hn,O'Neil\r\ndisk@example.com,3.5\" disk,Drive\r\ngrace@example.com,Grace,Hopper\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, ["Email", "First name", "Last name"]),
            (2, ["john@example.com", "Jo\"hn", "O'Neil"]),
            (3, ["disk@example.com", "3.5\" disk", "Drive"]),
            (4, ["grace@example.com", "Grace", "Hopper"]),
        ], rows);
    }

    [Fact]
    public void KeepsTheRowNumbersOfEmptyLines()
    {
        // Arrange
        using var reader = Reader("Email,First name\r\n\r\nada@example.com,Ada\r\n\r\n\r\ngrace@example.com,Grace\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, ["Email", "First name"]),
            (2, [""]),
            (3, ["ada@example.com", "Ada"]),
            (4, [""]),
            (5, [""]),
            (6, ["grace@example.com", "Grace"]),
        ], rows);
        Assert.Equal([false, true, false, true, true, false], rows.Select(r => r.IsBlank));
    }

    [Fact]
    public void CountsARecordWithALineBreakInQuotesAsOneRow()
    {
        // Arrange: as a spreadsheet shows it, the two-line cell is on row 2 and Grace on row 3.
        using var reader = Reader("Email,Description\r\nada@example.com,\"Line 1\r\nLine 2\r\nLine 3\"\r\ngrace@example.com,x\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, ["Email", "Description"]),
            (2, ["ada@example.com", "Line 1\r\nLine 2\r\nLine 3"]),
            (3, ["grace@example.com", "x"]),
        ], rows);
    }

    [Theory]
    [InlineData("Email,First name\r\nada@example.com,Ada\r\n")]
    [InlineData("Email,First name\r\nada@example.com,Ada")]
    [InlineData("Email,First name\nada@example.com,Ada\n")]
    public void GivesNoRowAfterTheLastLineEnd(string csv)
    {
        // Arrange
        using var reader = Reader(csv);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows([(1, ["Email", "First name"]), (2, ["ada@example.com", "Ada"])], rows);
    }

    [Fact]
    public void KeepsAnEmptyLastField()
    {
        // Arrange
        using var reader = Reader("Email,First name,Last name,Description\r\nada@example.com,Ada,Lovelace,\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(["ada@example.com", "Ada", "Lovelace", ""], rows[1].Cells);
    }

    [Fact]
    public void KeepsTheSpacesAroundValues()
    {
        // Arrange
        using var reader = Reader("Email,First name\r\n  ada@example.com , Ada\t\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(["  ada@example.com ", " Ada\t"], rows[1].Cells);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    public void GivesNoRowForAFileThatIsOnlyAByteOrderMark(byte[] bom)
    {
        // Arrange
        using var stream = Fixtures.Stream(bom);
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);

        // Act
        var row = reader.ReadRow();

        // Assert
        Assert.Null(row);
    }

    [Fact]
    public void DoesNotTakeTheUtf8ByteOrderMarkIntoTheFirstCell()
    {
        // Arrange
        using var stream = Fixtures.Stream([0xEF, 0xBB, 0xBF, .. "Email;First name\r\nzoe@example.de;Zoë\r\n"u8]);
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows([(1, ["Email", "First name"]), (2, ["zoe@example.de", "Zoë"])], rows);
    }

    [Fact]
    public void ReadsUtf16BigEndianText()
    {
        // Arrange
        var encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        using var stream = Fixtures.Stream([.. encoding.GetPreamble(), .. encoding.GetBytes("Email,First name,Last name\r\nakira@example.jp,明,田中\r\n")]);
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows([(1, ["Email", "First name", "Last name"]), (2, ["akira@example.jp", "明", "田中"])], rows);
    }

    [Fact]
    public void ReadsWindows1252TextWithTheEuroSign()
    {
        // Arrange
        using var stream = Fixtures.Stream([.. "Email;Description\r\nines@example.es;Caf"u8, 0xE9, .. " 5 "u8, 0x80, .. "\r\n"u8]);
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows([(1, ["Email", "Description"]), (2, ["ines@example.es", "Café 5 €"])], rows);
    }

    [Fact]
    public void ReadsFromTheStartOfTheStreamWhereverItIsPositioned()
    {
        // Arrange
        using var stream = Fixtures.Open("team_utf8.csv");
        stream.Seek(0, SeekOrigin.End);
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);

        // Act
        var first = reader.ReadRow();

        // Assert
        Assert.NotNull(first);
        Assert.Equal(1, first.RowNumber);
        Assert.Equal(Header, first.Cells);
    }

    [Fact]
    public void ReadsARecordThatCrossesTheReadBufferAndIsUnderTheLimits()
    {
        // Arrange: a 100 KB description, longer than the 64 KiB read buffer, with a 128 KiB field limit.
        var description = new string('x', 100_000);
        using var reader = Reader($"Email,Description\r\nada@example.com,{description}\r\ngrace@example.com,Short\r\n", maxFieldBytes: 128 * 1024);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows(
        [
            (1, ["Email", "Description"]),
            (2, ["ada@example.com", description]),
            (3, ["grace@example.com", "Short"]),
        ], rows);
    }

    [Fact]
    public void ReportsARecordLongerThanTheLimitOnItsRowAndReadsTheRowsAfterIt()
    {
        // Arrange: row 3 is 5,000 bytes of short fields; the record limit is 1,024.
        var fields = string.Join(",", Enumerable.Repeat("xxxx", 1000));
        using var reader = Reader($"Email,Description\r\nada@example.com,Short\r\ngrace@example.com,{fields}\r\nemilie@example.fr,Short\r\n", maxRecordBytes: 1024);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.RowNumber));
        var problem = Assert.Single(rows[2].Problems);
        Assert.Equal((-1, DiagnosticCode.ValueTooLong), (problem.ColumnIndex, problem.Code));
        Assert.Contains("longer than 1,024 bytes", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("grace@example.com,xxxx,", problem.Value, StringComparison.Ordinal);
        Assert.Equal(["emilie@example.fr", "Short"], rows[3].Cells);
    }

    [Fact]
    public void ReportsAFieldLongerThanTheFieldLimitOnItsColumnWithoutKeepingIt()
    {
        // Arrange: a 70,000-byte description, over the default 64 KiB field limit, inside the record limit.
        using var reader = Reader($"Email,Description\r\ngrace@example.com,{new string('x', 70_000)}\r\nada@example.com,Short\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        var problem = Assert.Single(rows[1].Problems);
        Assert.Equal((1, DiagnosticCode.ValueTooLong), (problem.ColumnIndex, problem.Code));
        Assert.Contains("longer than 65,536 bytes", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["grace@example.com", ""], rows[1].Cells);
        Assert.Equal(["ada@example.com", "Short"], rows[2].Cells);
    }

    [Fact]
    public void ReportsAnUnclosedQuoteThatRunsPastTheLimitOnItsRowAndColumnAndReadsTheLinesAfterIt()
    {
        // Arrange: the quote opened on row 2 in column B is never closed, and 300 KB of rows follow.
        var rest = string.Concat(Enumerable.Repeat("user@example.com,Name,Surname\r\n", 10_000));
        using var reader = Reader("Email,First name,Last name\r\nada@example.com,\"Ada,Lovelace\r\n" + rest, maxRecordBytes: 64 * 1024);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(10_002, rows.Count);
        var problem = Assert.Single(rows[1].Problems);
        Assert.Equal((1, DiagnosticCode.UnclosedQuote), (problem.ColumnIndex, problem.Code));
        Assert.Equal("\"Ada,Lovelace", problem.Value);
        Assert.Equal(3, rows[2].RowNumber);
        Assert.Equal(["user@example.com", "Name", "Surname"], rows[2].Cells);
        Assert.Equal(10_002, rows[^1].RowNumber);
        Assert.All(rows.Skip(2), r => Assert.Empty(r.Problems));
    }

    [Fact]
    public void ReportsAnUnclosedQuoteThatRunsToTheEndOfASmallFileOnItsRow()
    {
        // Arrange: a line break inside a quoted field that is never closed: well under every limit.
        using var reader = Reader("Email,First name,Last name,Description\r\nada@example.com,Ada,Lovelace,\"Line 1\r\ngrace@example.com,Grace,Hopper,x\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal([1, 2, 3], rows.Select(r => r.RowNumber));
        var problem = Assert.Single(rows[1].Problems);
        Assert.Equal((3, DiagnosticCode.UnclosedQuote), (problem.ColumnIndex, problem.Code));
        Assert.Equal(["grace@example.com", "Grace", "Hopper", "x"], rows[2].Cells);
    }

    [Theory]
    [InlineData("Email,Description\r\nada@example.com,\"Line 1\r\nLine 2\"")]
    [InlineData("Email,Description\r\nada@example.com,\"Line 1\r\nLine 2\"\r\n")]
    [InlineData("Email,Description\r\nada@example.com,\"Says \"\"hi\"\"\"")]
    public void ReadsAClosedQuotedCellInTheLastRowOnceAndThenEnds(string csv)
    {
        // Arrange
        using var reader = Reader(csv);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal([1, 2], rows.Select(r => r.RowNumber));
        Assert.Empty(rows[1].Problems);
        Assert.Equal("ada@example.com", rows[1].Cells[0]);
        Assert.Null(reader.ReadRow());
    }

    [Fact]
    public void ReadsARecordExactlyAsLongAsTheLimit()
    {
        // Arrange: "grace@example.com," is 18 bytes; with the value the record is 1,024 bytes, line end excluded.
        var value = new string('x', 1024 - 18);
        using var reader = Reader($"Email,Description\r\ngrace@example.com,{value}\r\n", maxRecordBytes: 1024);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(["grace@example.com", value], rows[1].Cells);
        Assert.Empty(rows[1].Problems);
    }

    [Fact]
    public void ReportsARecordOneByteLongerThanTheLimit()
    {
        // Arrange
        var value = new string('x', 1024 - 18 + 1);
        using var reader = Reader($"Email,Description\r\ngrace@example.com,{value}\r\n", maxRecordBytes: 1024);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(2, rows[1].RowNumber);
        Assert.Equal(DiagnosticCode.ValueTooLong, Assert.Single(rows[1].Problems).Code);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void ReadsTheSameTextWhateverTheCurrentCulture(string culture)
    {
        // Arrange
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var utf8 = Fixtures.Open("team_utf8.csv");
            using var utf8Reader = new CsvSheetReader(utf8, MaxRecordBytes);
            using var numbers = Reader("Email,First name,Last name,Description\r\nidris@example.com,3.5,\"1,5\",1.234.567\r\n");

            // Act
            var utf8Rows = Fixtures.ReadAll(utf8Reader);
            var numberRows = Fixtures.ReadAll(numbers);

            // Assert
            Assert.Equal(6, utf8Rows.Count);
            Assert.Equal(["ines.garcia@example.es", "Inès", "García", "Reviewer, Madrid"], utf8Rows[1].Cells);
            Assert.Equal(["bjorn.olsen@example.no", "Bjørn", "Olsen", "42"], utf8Rows[2].Cells);
            Assert.Equal(["idris@example.com", "3.5", "1,5", "1.234.567"], numberRows[1].Cells);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("sep=;\r\nEmail;First name\r\nann@example.com;Ann, Lee\r\n", "Ann, Lee")]
    [InlineData("sep=,\nEmail,First name\nann@example.com,Ann; Lee\n", "Ann; Lee")]
    [InlineData("sep=\t\rEmail\tFirst name\rann@example.com\tAnn, Lee\r", "Ann, Lee")]
    [InlineData("sep=|\r\nEmail|First name\r\nann@example.com|Ann; Lee, Jr.\r\n", "Ann; Lee, Jr.")]
    [InlineData("SEP=;\r\nEmail;First name\r\nann@example.com;Ann, Lee\r\n", "Ann, Lee")]
    public void HonoursASepLineAndNumbersTheRowsAfterItAsExcelShowsThem(string csv, string firstName)
    {
        // Arrange
        using var reader = Reader(csv);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert: Excel hides the sep= line, so the header is row 1.
        Fixtures.AssertRows([(1, ["Email", "First name"]), (2, ["ann@example.com", firstName])], rows);
    }

    [Fact]
    public void HonoursASepLineAfterAByteOrderMarkAndInUtf16()
    {
        // Arrange
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        using var utf8 = new CsvSheetReader(Fixtures.Stream([0xEF, 0xBB, 0xBF, .. "sep=;\r\nEmail;First name\r\nzoe@example.de;Zoë, B\r\n"u8]), MaxRecordBytes);
        using var unicode = new CsvSheetReader(Fixtures.Stream([.. utf16.GetPreamble(), .. utf16.GetBytes("sep=;\r\nEmail;First name\r\nzoe@example.de;Zoë, B\r\n")]), MaxRecordBytes);

        // Act
        var fromUtf8 = Fixtures.ReadAll(utf8);
        var fromUtf16 = Fixtures.ReadAll(unicode);

        // Assert
        (int, string[])[] expected = [(1, ["Email", "First name"]), (2, ["zoe@example.de", "Zoë, B"])];
        Fixtures.AssertRows(expected, fromUtf8);
        Fixtures.AssertRows(expected, fromUtf16);
    }

    [Fact]
    public void ReadsAFileThatIsOnlyASepLineAsNoRows()
    {
        // Arrange
        using var reader = Reader("sep=;\r\n");

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("sep=;x\nEmail;First name\n", new[] { "sep=", "x" })]
    [InlineData("sep=:\nEmail:First name\n", new[] { "sep=:" })]
    [InlineData("sep= ;\nEmail;First name\n", new[] { "sep= ", "" })]
    [InlineData("\nsep=;\nEmail;First name\n", new[] { "" })]
    public void ReadsAnyOtherSepLikeLineAsAnOrdinaryRow(string csv, string[] firstRow)
    {
        // Arrange
        using var reader = Reader(csv);

        // Act
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(1, rows[0].RowNumber);
        Assert.Equal(firstRow, rows[0].Cells);
    }

    private static CsvSheetReader Reader(string csv, int maxRecordBytes = MaxRecordBytes, int? maxFieldBytes = null) =>
        new(Fixtures.Stream(Encoding.UTF8.GetBytes(csv)), ReadingLimits.Default with
        {
            MaxCsvRecordBytes = maxRecordBytes,
            MaxCsvFieldBytes = maxFieldBytes ?? ReadingLimits.Default.MaxCsvFieldBytes,
        });
}
