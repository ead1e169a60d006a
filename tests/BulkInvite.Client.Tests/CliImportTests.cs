using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.V1;

namespace BulkInvite.Client.Tests;

public sealed class CliImportTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    private CliRunner Cli => server.CliFor(_organization);

    [Theory]
    [InlineData("team_libreoffice.xlsx")]
    [InlineData("team_utf8.csv")]
    public async Task ImportsAFixtureShowingRow4AndInvitesTheFourValidUsers(string fixture)
    {
        var result = await Cli.RunAsync("import", Files.Fixture(fixture), "--org", _organization, "--permission", "projects.view", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["4", "Email", "EMAIL_INVALID", "not-an-email"], TextTable.RowWith(result.Out, "EMAIL_INVALID"));
        Assert.Contains("Errors (1)", result.Out, StringComparison.Ordinal);
        Assert.Contains($"4 users invited to {_organization} (0 skipped: already invited)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondImportOfTheSameUsersSkipsAllFourAndWarnsAboutThem()
    {
        await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes");

        var result = await Cli.RunAsync("import", Files.Fixture("team_libreoffice.xlsx"), "--org", _organization, "-p", "projects.view", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Warnings (4)", result.Out, StringComparison.Ordinal);
        Assert.Equal(["2", "Email", "ALREADY_INVITED", "ines.garcia@example.es"], TextTable.RowWith(result.Out, "ines.garcia@example.es"));
        Assert.Contains($"0 users invited to {_organization} (4 skipped: already invited)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectsAFileWithTheWrongHeaderWithItsFileDiagnosticAndExitCode2()
    {
        var path = Files.Csv(server.FilesFolder, "Mail,Name\nada@example.com,Ada\n");

        var result = await Cli.RunAsync("import", path, "--org", _organization, "-p", "projects.view", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("was rejected", result.Out, StringComparison.Ordinal);
        Assert.Contains("HEADER_MISMATCH", result.Out, StringComparison.Ordinal);
        Assert.Contains("Hint:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("invited", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesOnlyJsonToStdoutWithOutputJson()
    {
        var result = await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "-p", "models.train", "--yes", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("applied").GetBoolean());
        Assert.Equal(4, root.GetProperty("invitedCount").GetInt32());
        Assert.Equal("IMPORT_STATE_APPLIED", root.GetProperty("import").GetProperty("state").GetString());
        Assert.Equal(["models.train", "projects.view"], root.GetProperty("import").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        var diagnostic = Assert.Single(root.GetProperty("rowDiagnostics").EnumerateArray());
        Assert.Equal((4, "DIAGNOSTIC_CODE_EMAIL_INVALID"), (diagnostic.GetProperty("rowNumber").GetInt32(), diagnostic.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task DoesNotWaitForAnAnswerWhenNoTerminalCanGiveOneAndAppliesNothing()
    {
        var result = await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--yes", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("invited to", result.Out, StringComparison.Ordinal);
        using var client = server.ClientFor(_organization);
        var import = Assert.Single(await client.ListImportsAsync(_organization, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ImportState.Checked, import.State);
    }

    [Fact]
    public async Task RefusesAnUnknownPermissionWithExitCode2BeforeUploadingAnything()
    {
        var result = await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "-p", "no.such.permission", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("permissions[1]", result.Error, StringComparison.Ordinal);
        Assert.Contains("no.such.permission", result.Error, StringComparison.Ordinal);
        using var client = server.ClientFor(_organization);
        Assert.Empty(await client.ListImportsAsync(_organization, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ShowsTheFirst50ErrorsAndCountsTheRestUnlessAskedForAll()
    {
        var path = Files.Users(server.FilesFolder, valid: 1, invalid: 60);

        var other = ServerFixture.NewOrganization();

        var first = await Cli.RunAsync("import", path, "--org", _organization, "-p", "projects.view");
        var all = await server.CliFor(other).RunAsync("import", path, "--org", other, "-p", "projects.view", "--all");

        Assert.Equal(50, Occurrences(first.Out, "EMAIL_INVALID"));
        Assert.Contains("… and 10 more errors (--all shows every one).", first.Out, StringComparison.Ordinal);
        Assert.Equal(60, Occurrences(all.Out, "EMAIL_INVALID"));
        Assert.DoesNotContain("more errors", all.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsWith2AndInvitesNobodyWhenEveryRowHasErrors()
    {
        var path = Files.Users(server.FilesFolder, valid: 0, invalid: 2);

        var result = await Cli.RunAsync("import", path, "--org", _organization, "-p", "projects.view", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Nothing to invite", result.Error, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;
}
