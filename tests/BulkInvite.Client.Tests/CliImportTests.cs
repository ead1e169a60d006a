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
        Assert.Contains("Errors: 1 row will not be invited", result.Out, StringComparison.Ordinal);
        Assert.Contains("EMAIL_INVALID × 1 — row 4 (will not be invited)", result.Out, StringComparison.Ordinal);
        Assert.Equal(["EMAIL_INVALID", "4", "Email", "not-an-email", "The address has no @."], TextTable.RowWith(result.Out, "not-an-email"));
        Assert.Contains("4 users will be invited.", result.Out, StringComparison.Ordinal);
        Assert.EndsWith($"4 users invited to {_organization}\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondImportOfTheSameUsersSaysNobodyIsToBeInvitedAndExitsWith4WithoutApplying()
    {
        await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes");

        var result = await Cli.RunAsync("import", Files.Fixture("team_libreoffice.xlsx"), "--org", _organization, "-p", "projects.view", "--yes");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("ALREADY_INVITED × 4 — rows 2, 3, 5, 6 (will be skipped)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ines.garcia@example.es", result.Out, StringComparison.Ordinal);
        Assert.Contains("Nobody to invite: all 4 valid rows are already invited. Nothing was applied.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("invited to", result.Out, StringComparison.Ordinal);
        using var client = server.ClientFor(_organization);
        var imports = await client.ListImportsAsync(_organization, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([ImportState.Checked, ImportState.Applied], imports.Select(i => i.State));
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
    public async Task GroupsErrorsByCodeListingTheFirst10RowsOfEachUnlessAskedForAll()
    {
        var path = Files.Users(server.FilesFolder, valid: 1, invalid: 60);
        var other = ServerFixture.NewOrganization();

        var first = await Cli.RunAsync("import", path, "--org", _organization, "-p", "projects.view");
        var all = await server.CliFor(other).RunAsync("import", path, "--org", other, "-p", "projects.view", "--all");

        Assert.Contains("EMAIL_INVALID × 60 — rows 3, 4, 5, 6, 7, … (will not be invited)", first.Out, StringComparison.Ordinal);
        Assert.Equal(10, Occurrences(first.Out, "\tEmail\tbroken"));
        Assert.Equal(["EMAIL_INVALID", "12", "Email", "broken9.example.com", "The address has no @."], TextTable.RowWith(first.Out, "broken9.example.com"));
        Assert.Contains("… and 50 more (--all lists every one)", first.Out, StringComparison.Ordinal);
        Assert.Equal(60, Occurrences(all.Out, "\tEmail\tbroken"));
        Assert.DoesNotContain("more (--all", all.Out, StringComparison.Ordinal);
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
