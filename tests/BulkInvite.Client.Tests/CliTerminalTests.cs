using BulkInvite.Client.Tests.Infrastructure;
using Spectre.Console.Testing;

namespace BulkInvite.Client.Tests;

/// <summary>bulkinvite on a terminal: a live progress bar and a question on stderr.</summary>
public sealed class CliTerminalTests(ServerFixture server)
{
    private readonly CliRunner _cli = new(server);

    [Fact]
    public async Task AppliesWhenTheUserAnswersYes()
    {
        var organization = ServerFixture.NewOrganization();
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        terminal.Input.PushTextWithEnter("y");

        var (result, _) = await _cli.RunOnTerminalAsync(terminal, "import", Files.Fixture("team_utf8.csv"), "--org", organization, "-p", "projects.view");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Invite 4 users to {organization} with projects.view?", result.Error, StringComparison.Ordinal);
        Assert.Contains($"4 users invited to {organization}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppliesNothingWhenTheUserAnswersNo()
    {
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        terminal.Input.PushTextWithEnter("n");

        var (result, _) = await _cli.RunOnTerminalAsync(terminal, "import", Files.Fixture("team_utf8.csv"), "--org", ServerFixture.NewOrganization(), "-p", "projects.view");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Nothing was applied.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("invited to", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrawsAProgressBarThatReachesTheFileSize()
    {
        var path = Files.Users(server.FilesFolder, valid: 2_000);
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);

        var (result, _) = await _cli.RunOnTerminalAsync(terminal, "import", path, "--org", ServerFixture.NewOrganization(), "-p", "projects.view", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Path.GetFileName(path), result.Error, StringComparison.Ordinal);
        Assert.Contains("100%", result.Error, StringComparison.Ordinal);
    }
}
