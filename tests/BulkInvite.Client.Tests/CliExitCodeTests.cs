using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;

namespace BulkInvite.Client.Tests;

public sealed class CliExitCodeTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    private CliRunner Cli => server.CliFor(_organization);

    [Fact]
    public async Task ExitsWith3WhenTheServerCannotBeReached()
    {
        var url = ServerFixture.UnreachableUrl();

        var result = await Cli.RunAsync("permissions", "--server", url);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"Cannot reach the BulkInvite server at {url}", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task ReadsTheServerFromBulkInviteServer()
    {
        var result = await CliRunner.RunAsync(["permissions"], new Dictionary<string, string> { ["BULKINVITE_SERVER"] = ServerFixture.UnreachableUrl() });

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task ExitsWith1WhenARequiredOptionIsMissingAndKeepsStdoutEmpty()
    {
        var result = await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "--output", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--permission", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task ExitsWith1WithoutAnOrganizationWhenTheTokenIsNotAJwtThatNamesOne()
    {
        var result = await server.CliWith("an-opaque-token").RunAsync("imports");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Pass --org ORG", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsWith1ForAServerThatIsNotAUrl()
    {
        var result = await Cli.RunAsync("permissions", "--server", "localhost:5000");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not an http:// or https:// URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesTheErrorAsJsonWithItsDetails()
    {
        var result = await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "nope", "--output", "json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("status").GetString());
        var badRequest = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal("permissions[0]", badRequest.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }
}
