using BulkInvite.Client.Tests.Infrastructure;
using Spectre.Console.Testing;

namespace BulkInvite.Client.Tests;

/// <summary>bulkinvite on a terminal: a live progress bar and a question on stderr.</summary>
public sealed class CliTerminalTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    private CliRunner Cli => server.CliFor(_organization);

    [Fact]
    public async Task AppliesWhenTheUserAnswersYes()
    {
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        terminal.Input.PushTextWithEnter("y");

        var (result, _) = await Cli.RunOnTerminalAsync(terminal, "import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Invite 4 users to {_organization} with projects.view?", result.Error, StringComparison.Ordinal);
        Assert.Contains($"4 users invited to {_organization}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppliesNothingWhenTheUserAnswersNo()
    {
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        terminal.Input.PushTextWithEnter("n");

        var (result, _) = await Cli.RunOnTerminalAsync(terminal, "import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Nothing was applied.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("invited to", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrawsAProgressBarThatReachesTheFileSize()
    {
        var path = Files.Users(server.FilesFolder, valid: 2_000);
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);

        var (result, _) = await Cli.RunOnTerminalAsync(terminal, "import", path, "--org", _organization, "-p", "projects.view", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Path.GetFileName(path), result.Error, StringComparison.Ordinal);
        Assert.Contains("100%", result.Error, StringComparison.Ordinal);
    }
}
