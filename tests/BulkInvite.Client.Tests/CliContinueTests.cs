using System.Text.RegularExpressions;
using BulkInvite.Client.Tests.Infrastructure;
using Spectre.Console.Testing;

namespace BulkInvite.Client.Tests;

/// <summary>An import answered "no" to stays checked: bulkinvite prints its id and the commands that continue it, and they do.</summary>
public sealed partial class CliContinueTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    private CliRunner Cli => server.CliFor(_organization);

    [Fact]
    public async Task AnsweringNoPrintsTheImportIdAndTheApplyCommandThatThenInvites()
    {
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        terminal.Input.PushTextWithEnter("n");
        var (declined, _) = await Cli.RunOnTerminalAsync(terminal, "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "-p", "images.annotate");
        var apply = ApplyCommand().Match(declined.Error);

        var applied = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), [.. apply.Groups["args"].Value.Split(' '), "--yes"]);

        Assert.Equal(1, declined.ExitCode);
        Assert.True(apply.Success, declined.Error);
        Assert.Contains($"bulkinvite check {apply.Groups["id"].Value}", declined.Error, StringComparison.Ordinal);
        Assert.Equal(0, applied.ExitCode);
        Assert.Contains($"4 users invited to {_organization}", applied.Out, StringComparison.Ordinal);
        using var client = server.ClientFor(_organization);
        var import = await client.GetImportAsync(apply.Groups["id"].Value, TestContext.Current.CancellationToken);
        Assert.Equal(["images.annotate", "projects.view"], import.Permissions);
    }

    [Fact]
    public async Task ApplyAsksTheSameQuestionAsImport()
    {
        var id = await CheckedImportAsync();
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        terminal.Input.PushTextWithEnter("y");

        var (result, _) = await Cli.RunOnTerminalAsync(terminal, "apply", id, "-p", "projects.view");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Invite 4 users to {_organization} with projects.view?", result.Error, StringComparison.Ordinal);
        Assert.Contains("EMAIL_INVALID × 1 — row 4", result.Out, StringComparison.Ordinal);
        Assert.Contains($"4 users invited to {_organization}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyWithoutATerminalOrYesAppliesNothing()
    {
        var id = await CheckedImportAsync();

        var result = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), "apply", id, "-p", "projects.view");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"bulkinvite apply {id} --permission projects.view", result.Error, StringComparison.Ordinal);
        using var client = server.ClientFor(_organization);
        Assert.Equal(V1.ImportState.Checked, (await client.GetImportAsync(id, TestContext.Current.CancellationToken)).State);
    }

    [Fact]
    public async Task ApplyRefusesAPermissionTheInviterDoesNotHoldBeforeApplying()
    {
        var id = await CheckedImportAsync();

        var result = await server.CliFor(_organization, "members.invite").RunAsync("apply", id, "-p", "projects.view", "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("the token does not hold projects.view", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckShowsTheDiagnosticsAgainAndWhatApplyingWillDo()
    {
        var id = await CheckedImportAsync();

        var result = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), "check", id);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Checked team_utf8.csv (CSV, 267 B): 5 rows, 4 valid, 1 with errors.", result.Out, StringComparison.Ordinal);
        Assert.Contains("EMAIL_INVALID × 1 — row 4 (will not be invited)", result.Out, StringComparison.Ordinal);
        Assert.Contains($"4 users will be invited. To invite them: bulkinvite apply {id} --permission P", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckOfAnAppliedImportSaysWhatItInvited()
    {
        var id = await CheckedImportAsync();
        await Cli.RunAsync("apply", id, "-p", "projects.view", "--yes");

        var result = await Cli.RunAsync("check", id);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Applied with projects.view: 4 users invited to {_organization}.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyingAnAppliedImportAgainInvitesNobodyTwice()
    {
        var id = await CheckedImportAsync();
        await Cli.RunAsync("apply", id, "-p", "projects.view", "--yes");

        var again = await Cli.RunAsync("apply", id, "-p", "projects.view", "--yes");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains($"The import {id} was already applied: 4 users invited to {_organization}.", again.Out, StringComparison.Ordinal);
    }

    private async Task<string> CheckedImportAsync()
    {
        using var client = server.ClientFor(_organization);
        var import = await client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: TestContext.Current.CancellationToken);
        await client.CheckAsync(import.ImportId, TestContext.Current.CancellationToken);
        return import.ImportId;
    }

    [GeneratedRegex(@"bulkinvite (?<args>apply (?<id>[0-9a-f]{32})(?: --permission \S+)+)")]
    private static partial Regex ApplyCommand();
}
