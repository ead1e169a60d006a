using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;

namespace BulkInvite.Client.Tests;

/// <summary>
/// bulkinvite import|apply --message, --expires-in and the privileged-permission question, run as
/// its own process against the real server (on a pseudo-terminal where a person answers).
/// </summary>
public sealed class CliInvitationContentTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    private string Token => ServerFixture.Token(_organization);

    [Fact]
    public async Task ImportsWithTheNoteAndLifetimeGivenOnTheCommandLine()
    {
        const string note = "Welcome, \"team\"!\nSee you Monday, 9:00";

        var result = await CliProcess.RunAsync(server.Url, Token,
            "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--message", note, "--expires-in", "14d", "--yes", "--json");
        var invitations = await InvitationsAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, invitations.Count);
        Assert.All(invitations, i => Assert.Equal(
            (note, TimeSpan.FromDays(14)),
            (i.PersonalMessage, i.ExpireTime.ToDateTimeOffset() - i.CreateTime.ToDateTimeOffset())));
    }

    [Fact]
    public async Task RefusesAPrivilegedPermissionWithoutConfirmPrivilegedWhenItCannotAskEvenWithYes()
    {
        var result = await CliProcess.RunAsync(server.Url, Token, "import", Files.Fixture("team_utf8.csv"), "-p", "members.invite", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Nothing was applied: Every invited person will be able to invite others to {_organization}.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Pass --confirm-privileged", result.Error, StringComparison.Ordinal);
        Assert.Contains("--permission members.invite --confirm-privileged", result.Error, StringComparison.Ordinal);
        Assert.Empty(await InvitationsAsync());
    }

    [Fact]
    public async Task GrantsAPrivilegedPermissionWithConfirmPrivileged()
    {
        var result = await CliProcess.RunAsync(server.Url, Token,
            "import", Files.Fixture("team_utf8.csv"), "-p", "organization.admin", "--yes", "--confirm-privileged");

        Assert.Equal(0, result.ExitCode);
        Assert.All(await InvitationsAsync(), i => Assert.Equal(["organization.admin"], i.Permissions));
    }

    [Fact]
    public async Task AsksInWordsOnATerminalBeforeGrantingAPrivilegedPermission()
    {
        var (declined, declinedScreen) = await CliProcess.RunOnTerminalAsync(server.Url, Token, 200, "n",
            "import", Files.Fixture("team_utf8.csv"), "-p", "members.invite", "-p", "projects.view");
        var (accepted, acceptedScreen) = await CliProcess.RunOnTerminalAsync(server.Url, Token, 200, "y",
            "import", Files.Fixture("team_utf8.csv"), "-p", "members.invite", "-p", "projects.view");

        var question = $"Every invited person will be able to invite others to {_organization}. Continue?";
        Assert.Equal(1, declined);
        Assert.Contains(question, declinedScreen, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied.", declinedScreen, StringComparison.Ordinal);
        Assert.Equal(0, accepted);
        Assert.Contains(question, acceptedScreen, StringComparison.Ordinal);
        Assert.Contains($"4 users invited to {_organization}", acceptedScreen, StringComparison.Ordinal);
        Assert.Equal(4, (await InvitationsAsync()).Count);
    }

    [Theory]
    [InlineData("31d", "--expires-in must be from 1d to 30d")]
    [InlineData("12h", "--expires-in must be from 1d to 30d")]
    [InlineData("soon", "is not a duration")]
    public async Task RefusesAnExpiryOutsideOneToThirtyDaysBeforeUploading(string expiresIn, string message)
    {
        var result = await CliProcess.RunAsync(server.Url, Token, "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--expires-in", expiresIn, "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        using var client = server.ClientFor(_organization);
        Assert.Empty(await client.ListImportsAsync(_organization, _cancellationToken).ToListAsync(_cancellationToken));
    }

    [Fact]
    public async Task RefusesANoteOverAThousandCharactersBeforeUploading()
    {
        var result = await CliProcess.RunAsync(server.Url, Token, "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--message", new string('a', 1001), "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--message has 1001 characters; at most 1000 are allowed.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppliesACheckedImportWithANote()
    {
        var checkedOnly = await CliProcess.RunAsync(server.Url, Token, "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--json");
        using var json = JsonDocument.Parse(checkedOnly.Out);
        var importId = json.RootElement.GetProperty("import").GetProperty("importId").GetString()!;

        var applied = await CliProcess.RunAsync(server.Url, Token, "apply", importId, "-p", "projects.view", "--message", "Hello, \"all\"", "--expires-in", "2w", "--yes");

        Assert.Equal(0, applied.ExitCode);
        Assert.All(await InvitationsAsync(), i => Assert.Equal(
            ("Hello, \"all\"", TimeSpan.FromDays(14)),
            (i.PersonalMessage, i.ExpireTime.ToDateTimeOffset() - i.CreateTime.ToDateTimeOffset())));
    }

    private async Task<List<V1.Invitation>> InvitationsAsync()
    {
        using var client = server.ClientFor(_organization);
        return await client.ListInvitationsAsync(_organization, cancellationToken: _cancellationToken).ToListAsync(_cancellationToken);
    }
}
