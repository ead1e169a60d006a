using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;

namespace BulkInvite.Client.Tests;

/// <summary>The tool as a shell runs it: its real entry point and console, output redirected.</summary>
public sealed class CliProcessTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    [Fact]
    public async Task PrintsOnlyJsonOnStdout()
    {
        var result = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), "permissions", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(7, json.RootElement.GetProperty("permissions").GetArrayLength());
    }

    [Fact]
    public async Task ExitsWith1InsteadOfWaitingForAConfirmationNobodyCanType()
    {
        var result = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), "import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["EMAIL_INVALID", "4", "Email", "not-an-email", "The address has no @."], TextTable.RowWith(result.Out, "not-an-email"));
        Assert.Contains("pass --yes", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsWith3WhenTheServerCannotBeReached()
    {
        var result = await CliProcess.RunAsync(ServerFixture.UnreachableUrl(), ServerFixture.Token(_organization), "imports", "--org", _organization);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot reach the BulkInvite server", result.Error, StringComparison.Ordinal);
    }
}
