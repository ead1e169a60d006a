using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;

namespace BulkInvite.Client.Tests;

/// <summary>The token bulkinvite sends (--token, else BULKINVITE_TOKEN), and exit code 3 with a hint when the server refuses the caller.</summary>
public sealed class CliAccessTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    [Fact]
    public async Task ImportsWithTheTokenOption()
    {
        var result = await server.CliWith(null).RunAsync(
            "import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes", "--token", ServerFixture.Token(_organization));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"4 users invited to {_organization}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportsWithTheTokenInBulkInviteToken()
    {
        var cli = server.CliWith(ServerFixture.Token(_organization));

        var result = await cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"4 users invited to {_organization}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefersTheTokenOptionToBulkInviteToken()
    {
        var cli = server.CliWith(ServerFixture.UntrustedToken(_organization));

        var result = await cli.RunAsync("imports", "--org", _organization, "--token", ServerFixture.Token(_organization));

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task ExitsWith3WithoutATokenAndSaysHowToGetOne()
    {
        var result = await server.CliWith(null).RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Pass a token with --token TOKEN or set BULKINVITE_TOKEN", result.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/BulkInvite.Server -- token --org ORG --permission P", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task ExitsWith3AndSaysTheTokenWasRefusedWhenTheServerDoesNotTrustIt()
    {
        var cli = server.CliWith(ServerFixture.UntrustedToken(_organization));

        var result = await cli.RunAsync("imports", "--org", _organization, "--output", "json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("The server refused the token", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("UNAUTHENTICATED", json.RootElement.GetProperty("error").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExitsWith3NamingThePermissionAnInviterGrantsWithoutHoldingIt()
    {
        var cli = server.CliFor(_organization, "members.invite");

        var result = await cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes", "--output", "json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("missing permissions: projects.view", result.Error, StringComparison.Ordinal);
        Assert.Contains("Hint: Use a token that holds projects.view", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("PERMISSION_DENIED", error.GetProperty("status").GetString());
        Assert.Equal("projects.view", error.GetProperty("details")[0].GetProperty("metadata").GetProperty("missing_permissions").GetString());
    }

    [Fact]
    public async Task ExitsWith3NamingOrganizationAdminWhenAnInviterAsksForTheAuditTrail()
    {
        var cli = server.CliFor(_organization, "members.invite");

        var result = await cli.RunAsync("audit", "--org", _organization);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("missing permissions: organization.admin", result.Error, StringComparison.Ordinal);
    }
}
