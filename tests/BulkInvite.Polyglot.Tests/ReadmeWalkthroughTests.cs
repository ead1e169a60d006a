using System.Text.RegularExpressions;
using BulkInvite.Server.Security;
using BulkInvite.Testing;

namespace BulkInvite.Polyglot.Tests;

/// <summary>
/// The buf curl walkthroughs, the README's and docs/invitations.md's, executed as written against a
/// real server, so the docs cannot rot.
/// </summary>
public sealed partial class ReadmeWalkthroughTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkinvite-tests", Guid.NewGuid().ToString("N"));
    private ServerProcess? _server;

    // As `dotnet run` starts it: Development, so the development key and reflection.
    public async ValueTask InitializeAsync() => _server = await ServerProcess.StartAsync(_folder, new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Authentication__SigningKey"] = TokenSettings.DevelopmentSigningKey,
    });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheWalkthroughRunsAsWrittenAndInvitesTheFourValidUsers()
    {
        var readme = await File.ReadAllTextAsync(Repository.PathOf("README.md"), TestContext.Current.CancellationToken);
        var script = WalkthroughBlock().Match(readme).Groups["script"].Value;
        Assert.False(string.IsNullOrWhiteSpace(script), "The README has no <!-- walkthrough --> sh block.");

        var (exitCode, output) = await Repository.RunAsync(
            "bash", ["-euo", "pipefail", "-c", script], Repository.Root,
            new Dictionary<string, string> { ["BULKINVITE_SERVER"] = _server!.Address });

        Assert.True(exitCode == 0, $"The walkthrough failed ({exitCode}):\n{output}\nServer:\n{_server.Output}");
        Assert.Contains("\"invitedCount\": 4", output, StringComparison.Ordinal);
        Assert.Contains("DIAGNOSTIC_CODE_EMAIL_INVALID", output, StringComparison.Ordinal);
        Assert.Contains("refused: FAILED_PRECONDITION", output, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"SERVING\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInvitationsWalkthroughRunsAsWrittenFromEmailToMember()
    {
        var page = await File.ReadAllTextAsync(Repository.PathOf("docs/invitations.md"), TestContext.Current.CancellationToken);
        var script = InvitationsBlock().Match(page).Groups["script"].Value;
        Assert.False(string.IsNullOrWhiteSpace(script), "docs/invitations.md has no <!-- invitations-walkthrough --> sh block.");

        var (exitCode, output) = await Repository.RunAsync(
            "bash", ["-euo", "pipefail", "-c", script], Repository.Root,
            new Dictionary<string, string> { ["BULKINVITE_SERVER"] = _server!.Address, ["BULKINVITE_MAIL"] = Path.Combine(_folder, "data", "mail") });

        Assert.True(exitCode == 0, $"The invitations walkthrough failed ({exitCode}):\n{output}\nServer:\n{_server.Output}");
        Assert.Contains("http://localhost:8080/invitations/accept?token=", output, StringComparison.Ordinal);
        Assert.Contains("DELIVERY_STATE_SENT", output, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"INVITATION_STATUS_ACCEPTED\"", output, StringComparison.Ordinal);
        Assert.Contains("refused: FAILED_PRECONDITION", output, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"INVITATION_STATUS_REVOKED\"", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<!-- invitations-walkthrough -->\s*```sh\n(?<script>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex InvitationsBlock();

    [GeneratedRegex(@"<!-- walkthrough -->\s*```sh\n(?<script>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex WalkthroughBlock();
}
