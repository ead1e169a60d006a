using BulkInvite.Core.Reading;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using BulkInvite.Core.Rows;

namespace BulkInvite.Core.Tests.Rows;

public sealed class ResultsFileTests
{
    public static TheoryData<FileFormat> Formats => [FileFormat.Csv, FileFormat.Xlsx];

    [Theory]
    [MemberData(nameof(Formats))]
    public void WritesEveryCellAFormulaPrefixCouldRunWithALeadingApostrophe(FileFormat format)
    {
        string[] dangerous = ["=1+1", "+1 555", "-2", "@SUM(A1)", "\tcmd", "\rcmd"];
        using var file = new MemoryStream();

        ResultsFile.Write(format, ["Value", "Plain"], dangerous.Select(v => (IReadOnlyList<string>)[v, "kept as is"]), file);

        var rows = ReadBack(file, format);
        Assert.Equal(["Value", "Plain"], rows[0]);
        // XML reads a CR as a line feed (its end-of-line rule), so an xlsx gives "\r" back as "\n"; the apostrophe stays first.
        var expected = dangerous.Select(v => "'" + (format == FileFormat.Xlsx ? v.Replace('\r', '\n') : v));
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal("kept as is", r[1]));
    }

    [Fact]
    public void WritesTheCsvAsUtf8WithAByteOrderMarkAndCommas()
    {
        using var file = new MemoryStream();

        ResultsFile.Write(FileFormat.Csv, ["Email", "Reason"], [["zoë@example.com", "a, b"]], file);

        var bytes = file.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Email,Reason\r\nzoë@example.com,\"a, b\"\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void WritesAnXlsxCellWithCharactersXmlCannotCarryAsReplacementCharacters()
    {
        using var file = new MemoryStream();

        ResultsFile.Write(FileFormat.Xlsx, ["Name"], [["Dee\u0007Dunn"]], file);

        Assert.Equal("Dee\uFFFDDunn", ReadBack(file, FileFormat.Xlsx)[1][0]);
    }

    [Fact]
    public void WritesAnXlsxPackageTheOpenXmlSdkOpensAndFindsValid()
    {
        using var file = new MemoryStream();
        ResultsFile.Write(FileFormat.Xlsx, ["Email", "Status"], [["ann@example.com", "will be invited"]], file);
        file.Position = 0;

        using var document = SpreadsheetDocument.Open(file, isEditable: false);

        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => e.Description));
        Assert.Equal("Results", document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
    }

    private static List<string[]> ReadBack(MemoryStream file, FileFormat format)
    {
        file.Position = 0;
        using var reader = SheetReaders.Open(file, format, ReadingLimits.Default);
        var rows = new List<string[]>();
        while (reader.ReadRow() is { } row)
        {
            rows.Add([.. row.Cells]);
        }

        return rows;
    }
}
