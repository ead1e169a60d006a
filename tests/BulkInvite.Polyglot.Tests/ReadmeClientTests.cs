using System.Text.RegularExpressions;
using BulkInvite.Server.Security;
using BulkInvite.Testing;

namespace BulkInvite.Polyglot.Tests;

/// <summary>
/// The TypeScript and Python client lines of docs/clients.md, executed as written from the
/// repository root against a real server started as `dotnet run` starts it (Development), with its
/// address in place of localhost:5000. In one collection with the client suites, which build the
/// same folders.
/// </summary>
[Collection(ClientSuites.Name)]
public sealed partial class ReadmeClientTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkinvite-tests", Guid.NewGuid().ToString("N"));
    private ServerProcess? _server;

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
    public async Task TheTypeScriptLinesRunAsWrittenAndSayHowManyUsersWereInvited()
    {
        var (exitCode, output) = await RunBlockAsync(TypeScriptBlock());

        Assert.True(exitCode == 0, $"The TypeScript lines failed ({exitCode}):\n{output}");
        Assert.Contains("4 users invited to acme", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePythonLinesRunAsWrittenAndSayWhenNobodyIsLeftToInvite()
    {
        var (setup, setupOutput) = await Repository.RunAsync(
            "bash", ["-c", "source scripts/lib.sh && apt_ensure python3-grpcio python3-protobuf"], Repository.Root);
        Assert.True(setup == 0, setupOutput);

        var (first, firstOutput) = await RunBlockAsync(PythonBlock());
        var (again, againOutput) = await RunBlockAsync(PythonBlock());

        Assert.True(first == 0 && again == 0, $"The Python lines failed:\n{firstOutput}\n{againOutput}");
        Assert.Contains("4 users invited to acme", firstOutput, StringComparison.Ordinal);
        Assert.Contains("Nobody invited to acme: all 4 valid rows are already invited or members", againOutput, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> RunBlockAsync(Regex block)
    {
        var page = await File.ReadAllTextAsync(Repository.PathOf("docs/clients.md"), TestContext.Current.CancellationToken);
        var script = block.Match(page).Groups["script"].Value;
        Assert.False(string.IsNullOrWhiteSpace(script), $"docs/clients.md has no {block} sh block.");
        script = script.Replace("localhost:5000", $"127.0.0.1:{_server!.Port}", StringComparison.Ordinal);
        return await Repository.RunAsync("bash", ["-euo", "pipefail", "-c", script], Repository.Root, timeout: TimeSpan.FromMinutes(10));
    }

    [GeneratedRegex(@"<!-- typescript-client -->\s*```sh\n(?<script>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex TypeScriptBlock();

    [GeneratedRegex(@"<!-- python-client -->\s*```sh\n(?<script>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}

/// <summary>Tests that build or install into clients/typescript and clients/python take turns.</summary>
[CollectionDefinition(Name)]
public sealed class ClientSuites
{
    public const string Name = "client suites";
}
