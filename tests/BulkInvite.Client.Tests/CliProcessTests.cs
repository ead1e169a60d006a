using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;

namespace BulkInvite.Client.Tests;

/// <summary>The tool as a shell runs it: its real entry point and console, output redirected.</summary>
public sealed class CliProcessTests(ServerFixture server)
{
    [Fact]
    public async Task PrintsOnlyJsonOnStdout()
    {
        var result = await CliProcess.RunAsync(server.Url, "permissions", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(7, json.RootElement.GetProperty("permissions").GetArrayLength());
    }

    [Fact]
    public async Task ExitsWith1InsteadOfWaitingForAConfirmationNobodyCanType()
    {
        var organization = ServerFixture.NewOrganization();

        var result = await CliProcess.RunAsync(server.Url, "import", Files.Fixture("team_utf8.csv"), "--org", organization, "-p", "projects.view");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["4", "Email", "EMAIL_INVALID", "not-an-email"], TextTable.RowWith(result.Out, "EMAIL_INVALID"));
        Assert.Contains("pass --yes", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsWith3WhenTheServerCannotBeReached()
    {
        var result = await CliProcess.RunAsync(ServerFixture.UnreachableUrl(), "imports", "--org", "acme");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot reach the BulkInvite server", result.Error, StringComparison.Ordinal);
    }
}
