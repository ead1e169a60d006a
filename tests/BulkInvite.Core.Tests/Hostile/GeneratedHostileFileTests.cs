using System.Globalization;
using System.IO.Compression;
using System.Text;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;
using BulkInvite.Testing;

namespace BulkInvite.Core.Tests.Hostile;

/// <summary>The big and bomb files of the corpus: too large to commit, so each test writes its own.</summary>
public class GeneratedHostileFileTests
{
    private const string Header = "Email,First name,Last name,Description\r\n";

    [Fact]
    public void ReportsAnUnclosedQuoteInRow2OnceAndChecksThe10000RowsAfterIt()
    {
        // Arrange: row 2's Description opens a quote that is never closed; 10,000 good rows follow (about 400 KB).
        var csv = new StringBuilder(Header).Append("ada@example.com,Ada,Lovelace,\"Analyst, Engines\r\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append("user").Append(i).Append("@example.com,First,Last,Row ").Append(i + 3).Append("\r\n");
        }

        // Act
        var outcome = HostileCheck.Run(Encoding.UTF8.GetBytes(csv.ToString()));

        // Assert
        Assert.Equal(["2 Description UnclosedQuote"], outcome.Errors);
        Assert.Equal((10_001, 10_000, 1), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.Equal("\"Analyst, Engines", Assert.Single(outcome.RowDiagnostics).Value);
        Assert.Equal((3, "Row 3"), (outcome.Staged[0].RowNumber, outcome.Staged[0].Description));
        Assert.Equal(10_002, outcome.Staged[^1].RowNumber);
    }

    [Fact]
    public void ReportsA100MegabyteLineAsATooLongCellAndReadsTheRowAfterIt()
    {
        // Arrange: a temporary file with the header, a 100 MB Description on row 2, and one more row.
        var path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
        try
        {
            using (var file = File.Create(path))
            {
                file.Write(Encoding.ASCII.GetBytes(Header + "ada@example.com,Ada,Lovelace,"));
                var chunk = Encoding.ASCII.GetBytes(new string('x', 1024 * 1024));
                for (var i = 0; i < 100; i++)
                {
                    file.Write(chunk);
                }

                file.Write(Encoding.ASCII.GetBytes("\r\ngrace@example.com,Grace,Hopper,Admiral\r\n"));
            }

            using var stream = File.OpenRead(path);

            // Act
            var outcome = HostileCheck.Run(stream);

            // Assert
            Assert.Equal(["2 Description ValueTooLong"], outcome.Errors);
            Assert.Contains("longer than 65,536 bytes", outcome.RowDiagnostics[0].Message, StringComparison.Ordinal);
            Assert.Equal("grace@example.com", Assert.Single(outcome.Staged).Email);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RejectsAFileThatIsOneHugeLineBecauseItsHeaderCannotBeRead()
    {
        // Arrange: 8 MB without a line break, so the header itself is the huge line.
        var bytes = Encoding.ASCII.GetBytes(new string('x', 8 * 1024 * 1024));

        // Act
        var outcome = HostileCheck.Run(bytes);

        // Assert
        Assert.Equal(DiagnosticCode.FileUnreadable, outcome.FileDiagnostic.Code);
        Assert.StartsWith("The header (row 1) cannot be read: The cell is longer than 65,536 bytes", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAZipBombFromTheSizeItDeclaresWithoutInflatingIt()
    {
        // Arrange: one sheet part, about 1 MB compressed, that inflates to 1 GiB of zeros and says so.
        var parts = TestZips.WorkbookParts(withSheet: false);
        parts.Add(("xl/worksheets/sheet1.xml", TestZips.DeflatedZeros(1024), 1024L * 1024 * 1024, 0));

        // Act
        var outcome = HostileCheck.Run(TestZips.RawZip([.. parts]));

        // Assert
        Assert.Equal(DiagnosticCode.FileLimitExceeded, outcome.FileDiagnostic.Code);
        Assert.Contains("declares 1,073,741,824 bytes once inflated", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsInflatingAZipBombAtItsCompressionRatio()
    {
        // Arrange: a valid workbook with one more part (a media file, which nothing parses) of the same
        // kind, declaring 900 MiB (under the total limit): it is rejected once it has inflated past 1 MiB.
        var parts = TestZips.WorkbookParts(withSheet: true);
        parts.Add(("xl/media/image1.bin", TestZips.DeflatedZeros(900), 900L * 1024 * 1024, 0)); // never read to its end: no CRC

        // Act
        var outcome = HostileCheck.Run(TestZips.RawZip([.. parts]));

        // Assert
        Assert.Equal(DiagnosticCode.FileLimitExceeded, outcome.FileDiagnostic.Code);
        Assert.Contains("compressed more than 100:1", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsTheInflatedBytesOfAllPartsAgainstTheTotalLimit()
    {
        // Arrange: a valid workbook whose sheet and one more part each inflate to about 1.5 MB at a modest ratio; the limit is 2 MiB.
        var rows = new StringBuilder();
        var random = new Random(1);
        for (var i = 2; i < 8_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<row r=\"{i}\">{TestZips.InlineCell($"A{i}", $"u{random.Next()}@example.com")}{TestZips.InlineCell($"B{i}", "Ann")}{TestZips.InlineCell($"C{i}", "Lee")}</row>");
        }

        var notes = string.Concat(Enumerable.Range(0, 100_000).Select(_ => random.Next().ToString("x8", CultureInfo.InvariantCulture) + " "));
        var workbook = TestZips.Xlsx(TestZips.HeaderRow + rows, TestZips.HeaderStrings, zip => TestZips.Add(zip, "docProps/notes.xml", $"<notes>{notes}</notes>"));
        var limits = ReadingLimits.Default with { MaxInflatedBytes = 2 * 1024 * 1024 };

        // Act
        var outcome = HostileCheck.Run(workbook, limits);
        var unlimited = HostileCheck.Run(workbook);

        // Assert
        Assert.Equal(DiagnosticCode.FileLimitExceeded, outcome.FileDiagnostic.Code);
        Assert.Contains("inflate to more than 2,097,152 bytes", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(7_998, unlimited.Result.ValidRows);
    }

    [Fact]
    public void RejectsASharedStringsTableOverItsLimit()
    {
        // Arrange: 2 MB of distinct strings; the limit is 1 MiB.
        var strings = TestZips.HeaderStrings.Concat(Enumerable.Range(0, 100_000).Select(i => $"string number {i:D6}"));
        var workbook = TestZips.Xlsx(TestZips.HeaderRow, strings);

        // Act
        var outcome = HostileCheck.Run(workbook, ReadingLimits.Default with { MaxSharedStringsBytes = 1024 * 1024 });

        // Assert
        Assert.Equal(DiagnosticCode.FileLimitExceeded, outcome.FileDiagnostic.Code);
        Assert.Contains("shared strings table inflates to more than 1,048,576 bytes", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsASharedStringsBombFromWhatItsReferencesExpandTo()
    {
        // Arrange: one 1 MB string, referenced by the Description of 12,000 rows: 12 GB of text for the parser.
        var workbook = TestZips.Xlsx(TestZips.HeaderRow + SharedStringRows(12_000), [.. TestZips.HeaderStrings, new string('y', 1_000_000)]);

        // Act
        var outcome = HostileCheck.Run(workbook);

        // Assert
        Assert.Equal(DiagnosticCode.FileLimitExceeded, outcome.FileDiagnostic.Code);
        Assert.Contains("repeat shared strings to more than 1,048,576,000 characters", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsEachOf1000CellsThatShareOneHugeStringFromItsLength()
    {
        // Arrange: one 40,000-character string (more than a spreadsheet cell holds), in the Description of 1,000 rows.
        var workbook = TestZips.Xlsx(TestZips.HeaderRow + SharedStringRows(1_000), [.. TestZips.HeaderStrings, new string('y', 40_000)]);

        // Act
        var outcome = HostileCheck.Run(workbook);

        // Assert
        Assert.Equal((1_000, 0), (outcome.Result.TotalRows, outcome.Result.ValidRows));
        Assert.Equal(1_000, outcome.RowDiagnostics.Count);
        Assert.All(outcome.RowDiagnostics, d => Assert.Equal((UserColumns.Description, DiagnosticCode.ValueTooLong, 200), (d.Column, d.Code, d.Value.Length)));
        Assert.Contains("40,000 characters, more than the 32,767 a spreadsheet cell can hold", outcome.RowDiagnostics[0].Message, StringComparison.Ordinal);
    }

    private static string SharedStringRows(int count)
    {
        var rows = new StringBuilder();
        for (var i = 2; i < count + 2; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<row r=\"{i}\">{TestZips.InlineCell($"A{i}", $"user{i}@example.com")}{TestZips.InlineCell($"B{i}", "Ann")}{TestZips.InlineCell($"C{i}", "Lee")}<c r=\"D{i}\" t=\"s\"><v>4</v></c></row>");
        }

        return rows.ToString();
    }

    [Fact]
    public void RejectsAZipOf10000EntriesFromItsDirectoryRecord()
    {
        // Arrange
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            TestZips.Add(zip, "xl/workbook.xml", "<workbook/>");
            for (var i = 0; i < 9_999; i++)
            {
                zip.CreateEntry($"xl/media/image{i}.png", CompressionLevel.NoCompression);
            }
        }

        // Act
        var outcome = HostileCheck.Run(stream.ToArray());
        using var reading = Fixtures.Stream(stream.ToArray());
        var reader = Assert.Throws<UnreadableFileException>(() => new ExcelSheetReader(reading));

        // Assert
        Assert.Equal(DiagnosticCode.FileLimitExceeded, outcome.FileDiagnostic.Code);
        Assert.Contains("zip of 10,000 entries; a workbook may have at most 1,000", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCode.FileLimitExceeded, reader.Code);
    }

    [Fact]
    public void RejectsASheetWhoseUsedRangeIsOverTheCellLimit()
    {
        // Arrange: a cell at Z1 and one on row 100,000: 2.6 million cells; the limit is 1 million.
        var workbook = TestZips.Xlsx(
            TestZips.HeaderRow.Replace("</row>", TestZips.InlineCell("Z1", "far") + "</row>", StringComparison.Ordinal)
            + $"<row r=\"100000\">{TestZips.InlineCell("A100000", "x@example.com")}</row>",
            TestZips.HeaderStrings);

        // Act
        var outcome = HostileCheck.Run(workbook, ReadingLimits.Default with { MaxSheetCells = 1_000_000 });

        // Assert
        Assert.Equal(DiagnosticCode.FileLimitExceeded, outcome.FileDiagnostic.Code);
        Assert.Contains("spans 100,000 rows × 26 columns (Z100000)", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }
}
