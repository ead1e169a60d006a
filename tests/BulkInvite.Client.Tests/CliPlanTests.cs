using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;
using Spectre.Console.Testing;

namespace BulkInvite.Client.Tests;

/// <summary>The question, the plan and the result say exactly what apply does: who is invited, who is skipped and why.</summary>
public sealed class CliPlanTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    private CliRunner Cli => server.CliFor(_organization);

    [Fact]
    public async Task AsksToInviteOnlyTheUsersNotAlreadyInvitedAndSaysWhyTheOthersAreSkipped()
    {
        // Two of the team's four valid users are invited already.
        var two = Files.Csv(server.FilesFolder, "Email,First name,Last name\nines.garcia@example.es,Inès,García\nakira.tanaka@example.jp,Akira,Tanaka\n");
        Assert.Equal(0, (await Cli.RunAsync("import", two, "-p", "projects.view", "--yes")).ExitCode);
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        terminal.Input.PushTextWithEnter("y");

        var (result, _) = await Cli.RunOnTerminalAsync(terminal, "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Invite 2 users to {_organization} with projects.view? (2 will be skipped: already invited)", result.Error, StringComparison.Ordinal);
        Assert.Contains("ALREADY_INVITED × 2 — rows 2, 5 (will be skipped)", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 users will be invited; 2 will be skipped (already invited).", result.Out, StringComparison.Ordinal);
        Assert.Contains($"2 users invited to {_organization} (2 skipped: already invited)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("will be invited:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsWith4AndAsksNothingWhenEveryValidRowIsAlreadyInvited()
    {
        await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--yes");
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);

        var (result, _) = await Cli.RunOnTerminalAsync(terminal, "import", Files.Fixture("team_libreoffice.xlsx"), "-p", "projects.view");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Nobody to invite: all 4 valid rows are already invited. Nothing was applied.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Invite ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRealProcessExitsWith4ForAFileOfPeopleAlreadyInvitedAndSaysSoInJson()
    {
        var token = ServerFixture.Token(_organization);
        await CliProcess.RunAsync(server.Url, token, "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--yes");

        var text = await CliProcess.RunAsync(server.Url, token, "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--yes");
        var json = await CliProcess.RunAsync(server.Url, token, "import", Files.Fixture("team_libreoffice.xlsx"), "-p", "projects.view", "--yes", "--json");

        Assert.Equal((4, 4), (text.ExitCode, json.ExitCode));
        Assert.Contains("Nobody to invite: all 4 valid rows are already invited.", text.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        Assert.Equal((0, 4, false), (root.GetProperty("toInvite").GetInt32(), root.GetProperty("alreadyInvited").GetInt32(), root.GetProperty("applied").GetBoolean()));
    }

    [Fact]
    public async Task TheRealProcessExitsWith2ForARejectedFileAnd0WhenItInvites()
    {
        var token = ServerFixture.Token(_organization);
        var rejected = Files.Csv(server.FilesFolder, "Mail,Name\nada@example.com,Ada\n");

        var refused = await CliProcess.RunAsync(server.Url, token, "import", rejected, "-p", "projects.view", "--yes");
        var invited = await CliProcess.RunAsync(server.Url, token, "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--yes");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("was rejected", refused.Out, StringComparison.Ordinal);
        Assert.Equal(0, invited.ExitCode);
        Assert.Contains($"4 users invited to {_organization}", invited.Out, StringComparison.Ordinal);
    }
}
