using BulkInvite.Client.Tests.Infrastructure;

namespace BulkInvite.Client.Tests;

/// <summary>What the token cannot do is refused before anything is uploaded, so no checked import is left behind.</summary>
public sealed class CliPreCheckTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    [Fact]
    public async Task RefusesAPermissionTheInviterDoesNotHoldBeforeUploading()
    {
        var result = await CliProcess.RunAsync(
            server.Url, ServerFixture.Token(_organization, "members.invite", "projects.view"), "import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "-p", "models.deploy", "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"You can grant only permissions you hold; the token does not hold models.deploy in {_organization}. Nothing was uploaded.", result.Error, StringComparison.Ordinal);
        Assert.Contains("missing permissions: models.deploy", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Uploading", result.Error, StringComparison.Ordinal);
        Assert.Empty(await ImportsAsync());
    }

    [Fact]
    public async Task RefusesATokenThatCannotInviteBeforeUploading()
    {
        var result = await server.CliFor(_organization, "projects.view").RunAsync("import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("missing permissions: members.invite", result.Error, StringComparison.Ordinal);
        Assert.Empty(await ImportsAsync());
    }

    [Fact]
    public async Task RefusesAnotherOrganizationThanTheTokensBeforeUploading()
    {
        var other = ServerFixture.NewOrganization();

        var result = await server.CliFor(_organization).RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", other, "-p", "projects.view", "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"The token acts for \"{_organization}\", not \"{other}\"", result.Error, StringComparison.Ordinal);
        Assert.Empty(await ImportsAsync());
    }

    [Fact]
    public async Task LetsAnAdminGrantAnyPermission()
    {
        var result = await server.CliFor(_organization, "organization.admin").RunAsync("import", Files.Fixture("team_utf8.csv"), "-p", "models.deploy", "-p", "members.invite", "--yes", "--confirm-privileged");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"4 users invited to {_organization}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavesTheDecisionToTheServerForATokenThatIsNotAJwt()
    {
        var result = await server.CliWith("not-a-jwt").RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("The server refused the token", result.Error, StringComparison.Ordinal);
    }

    private async Task<List<V1.Import>> ImportsAsync()
    {
        using var client = server.ClientFor(_organization);
        return await client.ListImportsAsync(_organization, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
    }
}
