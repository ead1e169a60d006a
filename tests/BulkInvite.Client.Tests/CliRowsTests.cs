using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.V1;

namespace BulkInvite.Client.Tests;

/// <summary>bulkinvite fix, remove and --report, against the real server process.</summary>
public sealed class CliRowsTests(ServerFixture server)
{
    private const string Team = "Email,First name,Last name\nann@example.com,Ann,Lee\nnot-an-email,Bob,Ray\nANN@example.com,Ann,Again\n";

    private readonly string _organization = ServerFixture.NewOrganization();

    private CliRunner Cli => server.CliFor(_organization);

    [Fact]
    public async Task FixesARowAndPrintsItsDiagnosticsAndTheImportsCounts()
    {
        var importId = await CheckedImportAsync();

        var broken = await Cli.RunAsync("fix", importId, "--row", "2", "--email", "");
        var fixedRow = await Cli.RunAsync("fix", importId, "--row", "3", "--email", "bob@example.com");

        Assert.Equal(0, broken.ExitCode);
        Assert.Contains("Row 2 (revision 2): Ann, Lee — has errors", broken.Out, StringComparison.Ordinal);
        Assert.Contains("EMAIL_MISSING Email: The email address is missing.", broken.Out, StringComparison.Ordinal);
        Assert.Contains("Rows whose duplicate changed with it: 4.", broken.Out, StringComparison.Ordinal);
        Assert.Equal(0, fixedRow.ExitCode);
        Assert.Contains("Row 3 (revision 2): bob@example.com, Bob, Ray — valid", fixedRow.Out, StringComparison.Ordinal);
        Assert.Contains($"Import {importId}: 3 rows, 2 valid, 1 with errors", fixedRow.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovesRowsAndSaysWhatChanged()
    {
        var importId = await CheckedImportAsync();

        var result = await Cli.RunAsync("remove", importId, "--row", "2", "--row", "3", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal([4], json.RootElement.GetProperty("affectedRowNumbers").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1, json.RootElement.GetProperty("import").GetProperty("validRows").GetInt32());
    }

    [Fact]
    public async Task RefusesAFixWithoutAValueAndARowThatDoesNotExist()
    {
        var importId = await CheckedImportAsync();

        var noValue = await Cli.RunAsync("fix", importId, "--row", "3");
        var noRow = await Cli.RunAsync("fix", importId, "--row", "40", "--email", "x@example.com");

        Assert.Equal((1, 1), (noValue.ExitCode, noRow.ExitCode));
        Assert.Contains("Say what to change", noValue.Error, StringComparison.Ordinal);
        Assert.Contains("no row 40", noRow.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAndCheckWriteTheReportInTheFormatOfItsExtension()
    {
        var csv = Path.Combine(server.FilesFolder, $"{Guid.NewGuid():N}.csv");
        var xlsx = Path.Combine(server.FilesFolder, $"{Guid.NewGuid():N}.xlsx");

        var imported = await Cli.RunAsync("import", Files.Csv(server.FilesFolder, Team), "-p", "projects.view", "--yes", "--report", csv);
        var importId = (await server.ClientFor(_organization).ListImportsAsync(_organization, TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken)).ImportId;
        var checkedAgain = await Cli.RunAsync("check", importId, "--report", xlsx, "--report-rows-to-fix");
        var wrongExtension = await Cli.RunAsync("check", importId, "--report", "report.txt");

        Assert.Equal((0, 0), (imported.ExitCode, checkedAgain.ExitCode));
        Assert.Contains($"Wrote the results to {csv}.", imported.Out, StringComparison.Ordinal);
        var lines = (await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken));
        Assert.Equal("Email,First name,Last name,Status,Reason", lines[0].TrimStart('\uFEFF'));
        Assert.Equal("ann@example.com,Ann,Lee,invited,", lines[1]);
        Assert.Equal([0x50, 0x4B], (await File.ReadAllBytesAsync(xlsx, TestContext.Current.CancellationToken))[..2]); // a zip: the xlsx package
        Assert.Equal(1, wrongExtension.ExitCode);
    }

    private async Task<string> CheckedImportAsync()
    {
        using var client = server.ClientFor(_organization);
        var import = await client.UploadFileAsync(Files.Csv(server.FilesFolder, Team), _organization, cancellationToken: TestContext.Current.CancellationToken);
        await client.CheckAsync(import.ImportId, TestContext.Current.CancellationToken);
        return import.ImportId;
    }
}
