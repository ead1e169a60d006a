using System.Text;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;
using BulkInvite.Core.Samples;
using BulkInvite.Core.Tests.Hostile;

namespace BulkInvite.Core.Tests.Samples;

public class SampleFileTests
{
    private const int MaxRecordBytes = 1024 * 1024;

    [Theory]
    [InlineData(FileFormat.Csv)]
    [InlineData(FileFormat.Xlsx)]
    public void ReadsBackThroughTheReadersToExactlyTheSampleRows(FileFormat format)
    {
        // Arrange
        using var stream = new MemoryStream();
        SampleFile.Write(format, stream);

        // Act
        var detection = FileFormatDetector.Detect(stream);
        using var reader = SheetReaders.Open(stream, detection.Format, MaxRecordBytes);
        var rows = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(new FormatDetection(format, null), detection);
        Fixtures.AssertRows(SampleFile.Rows.Select((cells, i) => (i + 1, cells)).ToList(), rows);
    }

    [Fact]
    public void HasTheHeaderAndTheAccentedNamesInItsRows()
    {
        // Assert
        Assert.Equal(["Email", "First name", "Last name", "Description"], SampleFile.Rows[0]);
        Assert.Equal(["emilie.du-chatelet@example.com", "Émilie", "du Châtelet", ""], SampleFile.Rows[3]);
        Assert.Equal(["jose.nunez@example.com", "José", "Núñez", "Optional notes. Columns may come in any order; other columns are not imported"], SampleFile.Rows[4]);
    }

    [Theory]
    [InlineData(FileFormat.Csv)]
    [InlineData(FileFormat.Xlsx)]
    public void PassesItsOwnCheckWithNoDiagnostic(FileFormat format)
    {
        // Arrange
        using var stream = new MemoryStream();
        SampleFile.Write(format, stream);

        // Act
        var outcome = HostileCheck.Run(stream.ToArray());

        // Assert
        Assert.Empty(outcome.Result.FileDiagnostics);
        Assert.Empty(outcome.RowDiagnostics);
        Assert.Equal((4, 4, 0), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.Equal([UserField.Email, UserField.FirstName, UserField.LastName, UserField.Description], outcome.Result.Columns.Select(c => c.Field!.Value));
    }

    [Fact]
    public void PassesItsOwnCheckWithItsColumnsReorderedAndAnotherAdded()
    {
        // Arrange: what the last row's Description says: any order, other columns not imported.
        using var stream = new MemoryStream();
        SampleFile.WriteCsv(SampleFile.Rows.Select((r, i) => new[] { i == 0 ? "Team" : "Research", r[3], r[2], r[1], r[0] }), stream);

        // Act
        var outcome = HostileCheck.Run(stream.ToArray());

        // Assert
        Assert.Equal(DiagnosticCode.ColumnsNotImported, Assert.Single(outcome.Result.FileDiagnostics).Code);
        Assert.Equal((4, 4, 0), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.Equal(SampleFile.Rows.Skip(1).Select(r => r[1]), outcome.Staged.Select(u => u.FirstName));
    }

    [Fact]
    public void StartsTheCsvWithAUtf8ByteOrderMark()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        SampleFile.Write(FileFormat.Csv, stream);

        // Assert
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("Email,First name,Last name,Description\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
    }

    [Fact]
    public void WritesTheCsvAsUtf8WithCrLfAndCommas()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        SampleFile.Write(FileFormat.Csv, stream);

        // Assert
        var text = Encoding.UTF8.GetString(stream.ToArray()[3..]);
        Assert.Equal(
            "Email,First name,Last name,Description\r\n" +
            "ada.lovelace@example.com,Ada,Lovelace,Writes the first programs\r\n" +
            "grace.hopper@example.com,Grace,Hopper,\"Compiler team, Arlington office\"\r\n" +
            "emilie.du-chatelet@example.com,Émilie,du Châtelet,\r\n" +
            "jose.nunez@example.com,José,Núñez,Optional notes. Columns may come in any order; other columns are not imported\r\n",
            text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\")")]
    [InlineData("=1+1")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    public void EscapesAValueThatASpreadsheetWouldRunAsAFormula(string value)
    {
        // Arrange
        using var stream = new MemoryStream();
        string[][] rows = [["Email", "First name", "Last name", "Description"], ["ada@example.com", "Ada", "Lovelace", value]];

        // Act
        SampleFile.WriteCsv(rows, stream);
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);
        var read = Fixtures.ReadAll(reader);

        // Assert
        Assert.Equal(["ada@example.com", "Ada", "Lovelace", "'" + value], read[1].Cells);
    }

    [Fact]
    public void WritesTheEscapedFormulaFieldStartingWithAnApostrophe()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        SampleFile.WriteCsv([["ada@example.com", "=1+1", "Ada"]], stream);

        // Assert: the field is quoted too, and its value starts with the apostrophe.
        Assert.Equal("ada@example.com,\"'=1+1\",Ada\r\n", Encoding.UTF8.GetString(stream.ToArray()[3..]));
    }

    [Fact]
    public void LeavesOrdinaryValuesAsTheyAre()
    {
        // Arrange
        using var stream = new MemoryStream();
        string[] values = ["o'neil@example.com", "Jo\"hn", "Lovelace, Ada", "Line 1\r\nLine 2", "3.5", " spaced ", "a=b"];

        // Act
        SampleFile.WriteCsv([values], stream);
        using var reader = new CsvSheetReader(stream, MaxRecordBytes);
        var read = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows([(1, values)], read);
    }

    [Fact]
    public void WritesTheXlsxFirstSheetAsTextCellsNeverFormulas()
    {
        // Arrange
        using var stream = new MemoryStream();
        string[][] rows = [["Email", "Description"], ["ada@example.com", "=1+1"], ["grace@example.com", "12"]];

        // Act
        SampleFile.WriteXlsx(rows, stream);
        using var reader = new ExcelSheetReader(stream);
        var read = Fixtures.ReadAll(reader);

        // Assert
        Fixtures.AssertRows([(1, ["Email", "Description"]), (2, ["ada@example.com", "=1+1"]), (3, ["grace@example.com", "12"])], read);
    }

    [Theory]
    [InlineData(FileFormat.Csv, "bulk-invite-sample.csv")]
    [InlineData(FileFormat.Xlsx, "bulk-invite-sample.xlsx")]
    public void NamesTheSampleAfterItsFormat(FileFormat format, string expected)
    {
        // Act
        var name = SampleFile.FileName(format);

        // Assert
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData(FileFormat.Xls)]
    [InlineData(FileFormat.Unspecified)]
    public void OffersNoSampleInOtherFormats(FileFormat format)
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act and assert
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleFile.Write(format, stream));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleFile.FileName(format));
        Assert.Equal(0, stream.Length);
    }
}
