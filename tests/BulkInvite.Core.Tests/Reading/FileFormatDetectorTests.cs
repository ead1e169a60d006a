using System.IO.Compression;
using System.Text;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Reading;

public class FileFormatDetectorTests
{
    [Theory]
    [InlineData("users.csv")]
    [InlineData("users.xls")]
    [InlineData("users.txt")]
    [InlineData("users")]
    public void DetectsAnXlsxFromItsContentWhateverItsName(string fileName)
    {
        // Arrange
        using var copy = Fixtures.CopyAs("team_libreoffice.xlsx", fileName);
        using var stream = File.OpenRead(copy.Path);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(new FormatDetection(FileFormat.Xlsx, null), detection);
    }

    [Theory]
    [InlineData("team_libreoffice.xlsx", FileFormat.Xlsx)]
    [InlineData("typed_cells.xlsx", FileFormat.Xlsx)]
    [InlineData("header_on_row_3.xlsx", FileFormat.Xlsx)]
    [InlineData("team_libreoffice.xls", FileFormat.Xls)]
    [InlineData("typed_cells.xls", FileFormat.Xls)]
    [InlineData("header_on_row_3.xls", FileFormat.Xls)]
    [InlineData("team_utf8.csv", FileFormat.Csv)]
    [InlineData("team_excel_fr_semicolon.csv", FileFormat.Csv)]
    [InlineData("team_unicode_text.csv", FileFormat.Csv)]
    [InlineData("quoting_libreoffice_semicolon.csv", FileFormat.Csv)]
    public void DetectsTheFormatOfEachRealFixture(string fixture, FileFormat expected)
    {
        // Arrange
        using var stream = Fixtures.Open(fixture);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(expected, detection.Format);
        Assert.Null(detection.Problem);
    }

    [Fact]
    public void DetectsAnXlsFromTheOle2SignatureEvenWhenTheFileIsCalledCsv()
    {
        // Arrange
        using var copy = Fixtures.CopyAs("team_libreoffice.xls", "team.csv");
        using var stream = File.OpenRead(copy.Path);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(new FormatDetection(FileFormat.Xls, null), detection);
    }

    [Fact]
    public void DetectsAMinimalZipHoldingXlWorkbookXmlAsXlsx()
    {
        // Arrange
        using var stream = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(FileFormat.Xlsx, detection.Format);
        Assert.Null(detection.Problem);
    }

    [Fact]
    public void DetectsTheWorkbookPartWhateverTheCaseOfItsName()
    {
        // Arrange
        using var stream = Zip(("XL/Workbook.xml", "<workbook/>"));

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(FileFormat.Xlsx, detection.Format);
    }

    [Fact]
    public void RejectsAPngImageAsUnsupported()
    {
        // Arrange
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        using var stream = Fixtures.Stream(png);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.UnsupportedFormat);
        Assert.Contains("PNG", detection.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAPdfDocumentAsUnsupported()
    {
        // Arrange
        using var stream = Fixtures.Stream("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray());

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.UnsupportedFormat);
        Assert.Contains("PDF", detection.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAnXlsbWorkbookAsUnsupported()
    {
        // Arrange
        using var stream = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.bin", "\u0083\u0001\u0000"), ("xl/worksheets/sheet1.bin", "\u0081\u0001"));

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.UnsupportedFormat);
        Assert.Contains(".xlsb", detection.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAZipThatIsAWordDocumentAsUnsupported()
    {
        // Arrange
        using var stream = Zip(
            ("[Content_Types].xml", "<Types/>"),
            ("_rels/.rels", "<Relationships/>"),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.UnsupportedFormat);
        Assert.Contains("not an Excel workbook", detection.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAnEmptyZipArchiveAsUnsupported()
    {
        // Arrange
        using var stream = Zip();

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.UnsupportedFormat);
    }

    [Fact]
    public void RejectsAnOpenDocumentSpreadsheetWrittenByLibreOfficeAsUnsupported()
    {
        // Arrange
        using var stream = Fixtures.Open("header_on_row_3.ods");

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.UnsupportedFormat);
        Assert.Contains(".ods", detection.Problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void ReportsATruncatedXlsxAsUnreadable(double keptFraction)
    {
        // Arrange
        var whole = Fixtures.Bytes("team_libreoffice.xlsx");
        using var stream = Fixtures.Stream(whole[..(int)(whole.Length * keptFraction)]);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.FileUnreadable);
    }

    [Fact]
    public void ReportsAZipCutJustAfterItsSignatureAsUnreadable()
    {
        // Arrange
        using var stream = Fixtures.Stream([(byte)'P', (byte)'K', 0x03, 0x04, 0x14, 0x00]);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.FileUnreadable);
    }

    [Fact]
    public void ReportsAnEmptyFileAsEmpty()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.FileEmpty);
    }

    [Fact]
    public void RejectsBinaryDataWithNulBytesAsUnsupported()
    {
        // Arrange
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = (byte)'E'; // no known signature
        bytes[100] = 0;
        using var stream = Fixtures.Stream(bytes);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.UnsupportedFormat);
    }

    [Fact]
    public void RejectsTextWithASingleNulByteAsUnsupported()
    {
        // Arrange
        using var stream = Fixtures.Stream("Email,First name,Last name\r\nada@example.com,Ada\0,Lovelace\r\n"u8.ToArray());

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        AssertRejected(detection, DiagnosticCode.UnsupportedFormat);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DetectsUtf16TextWithAByteOrderMarkAsCsvThoughItIsFullOfNulBytes(bool bigEndian)
    {
        // Arrange
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Email\tFirst name\tLast name\r\nada@example.com\tAda\tLovelace\r\n")).ToArray();
        using var stream = Fixtures.Stream(bytes);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(new FormatDetection(FileFormat.Csv, null), detection);
    }

    [Fact]
    public void DetectsWindows1252TextAsCsv()
    {
        // Arrange
        using var stream = Fixtures.Stream([.. "Email;First name;Last name\r\nines@example.es;In"u8, 0xE8, .. "s;Garc"u8, 0xED, .. "a\r\n"u8]);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(new FormatDetection(FileFormat.Csv, null), detection);
    }

    [Fact]
    public void LeavesTheStreamAtItsStartWhereverItWas()
    {
        // Arrange
        using var stream = Fixtures.Open("team_libreoffice.xlsx");
        stream.Position = 1234;

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(FileFormat.Xlsx, detection.Format);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void LeavesTheStreamAtItsStartAfterRejectingATruncatedZip()
    {
        // Arrange
        var whole = Fixtures.Bytes("team_libreoffice.xlsx");
        using var stream = Fixtures.Stream(whole[..1000]);

        // Act
        var detection = FileFormatDetector.Detect(stream);

        // Assert
        Assert.Equal(DiagnosticCode.FileUnreadable, detection.Problem!.Code);
        Assert.Equal(0, stream.Position);
    }

    private static void AssertRejected(FormatDetection detection, DiagnosticCode code)
    {
        Assert.Equal(FileFormat.Unspecified, detection.Format);
        Assert.NotNull(detection.Problem);
        Assert.Equal(code, detection.Problem.Code);
        Assert.Equal(Severity.Error, detection.Problem.Severity);
        Assert.Equal(0, detection.Problem.RowNumber);
        Assert.False(string.IsNullOrWhiteSpace(detection.Problem.Message));
    }

    private static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
