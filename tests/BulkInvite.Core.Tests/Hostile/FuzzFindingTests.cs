using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;
using BulkInvite.Fuzz;

namespace BulkInvite.Core.Tests.Hostile;

/// <summary>
/// Every crash or hang the fuzz targets found (Fixtures/Fuzz/TARGET/, see its README), replayed through
/// the same target code, and checked to the diagnostic it now gives.
/// </summary>
public class FuzzFindingTests
{
    public static TheoryData<string, string> Findings
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var target in FuzzTargets.Names)
            {
                var folder = Fixtures.PathOf(Path.Combine("Fuzz", target));
                if (!Directory.Exists(folder))
                {
                    continue;
                }

                foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    data.Add(target, Path.GetFileName(file));
                }
            }

            return data;
        }
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Findings))]
    public async Task EndsWithoutCrashingOnEachFuzzFinding(string target, string file)
    {
        // Arrange
        var bytes = Fixtures.Bytes(Path.Combine("Fuzz", target, file));

        // Act: on a worker thread, so that the timeout can report a hang.
        var error = await Task.Run(() => Record.Exception(() => FuzzTargets.Run(target, bytes)), TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(error);
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Findings))]
    public async Task RejectsEachDamagedWorkbookTheFuzzerFoundAsUnreadable(string target, string file)
    {
        // Arrange
        Assert.SkipWhen(target != "excel", "Only the Excel findings are damaged workbooks.");
        var bytes = Fixtures.Bytes(Path.Combine("Fuzz", target, file));

        // Act
        var outcome = await Task.Run(() => HostileCheck.Run(bytes, FuzzTargets.Limits), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DiagnosticCode.FileUnreadable, outcome.FileDiagnostic.Code);
        Assert.Contains("damaged", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsTheRandomlyDamagedXlsThatClaims55043RowsBy28161ColumnsWithoutReadingThem()
    {
        // Arrange: attempt 105 of the damage that ExcelSheetReaderTests applies (seed 20240315, 4 bytes per attempt).
        var whole = Fixtures.Bytes("team_libreoffice.xls");
        var random = new Random(20240315);
        byte[] damaged = [];
        for (var attempt = 0; attempt <= 105; attempt++)
        {
            damaged = (byte[])whole.Clone();
            for (var i = 0; i < 4; i++)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }
        }

        // Act
        var outcome = HostileCheck.Run(damaged);

        // Assert
        Assert.Equal(DiagnosticCode.FileUnreadable, outcome.FileDiagnostic.Code);
        Assert.Contains("claims 55,043 rows × 28,161 columns, more than an xls sheet can have", outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }
}
