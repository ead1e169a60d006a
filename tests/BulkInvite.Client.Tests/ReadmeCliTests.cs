using System.Text.RegularExpressions;
using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.Server.Security;
using BulkInvite.Testing;

namespace BulkInvite.Client.Tests;

/// <summary>
/// The README's C# lines, run as written from the repository root on a real terminal (the import
/// asks, and the test answers y) against a server started as `dotnet run` starts it (Development):
/// a global tool installed into a home of the test's own, found on the PATH the README sets, and a
/// rebuilt tool installed over it.
/// </summary>
public sealed partial class ReadmeCliTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bulkinvite-readme-cli-");
    private readonly HashSet<string> _artifactsBefore = ArtifactFiles();
    private ServerProcess? _server;

    public async ValueTask InitializeAsync() => _server = await ServerProcess.StartAsync(Path.Combine(_folder.FullName, "server"), new Dictionary<string, string>
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

        foreach (var file in ArtifactFiles().Except(_artifactsBefore))
        {
            File.Delete(file);
        }

        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task TheInstallAndImportLinesRunAsWrittenAndAReinstallTakesTheNewBuild()
    {
        var readme = await File.ReadAllTextAsync(Repository.PathOf("README.md"), TestContext.Current.CancellationToken);
        var install = Block(readme, InstallBlock());
        var import = Block(readme, ImportBlock());

        var (first, firstScreen) = await RunAsync($"set -euo pipefail\n{install}\n{import}", answer: "y");
        var (second, secondScreen) = await RunAsync($"set -euo pipefail\nsleep 1\n{install}\nbulkinvite --version", answer: null);

        Assert.True(first == 0, $"The README's C# lines failed ({first}):\n{firstScreen}");
        Assert.Matches(@"Invite \d+ users to acme with projects\.view\? \[y/n\]", firstScreen);
        Assert.Matches(@"\d+ users invited to acme", firstScreen);
        Assert.True(second == 0, $"Installing again failed ({second}):\n{secondScreen}");
        var updated = UpdatedTo().Match(secondScreen);
        Assert.True(updated.Success, secondScreen);
        var version = Regex.Escape(updated.Groups["version"].Value);
        Assert.True(Regex.IsMatch(secondScreen, $@"(?m)^{version}\+[0-9a-f]+\s*$"), $"bulkinvite --version is not {version}:\n{secondScreen[^Math.Min(secondScreen.Length, 2000)..]}");
    }

    /// <summary>
    /// The block under a home of the test's own (the global tool goes there, not into the real one),
    /// with the machine's NuGet package folder, and BULKINVITE_SERVER naming the test server.
    /// </summary>
    private async Task<(int ExitCode, string Screen)> RunAsync(string script, string? answer)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = Directory.CreateDirectory(Path.Combine(_folder.FullName, "home")).FullName,
            ["NUGET_PACKAGES"] = packages,
            ["BULKINVITE_SERVER"] = _server!.Address,
            ["BULKINVITE_TOKEN"] = null,
            ["BULKINVITE_ORG"] = null,
        };
        var path = Path.Combine(_folder.FullName, "block.sh");
        await File.WriteAllTextAsync(path, script, TestContext.Current.CancellationToken);
        return await PseudoTerminal.RunAsync($"bash {PseudoTerminal.Quote(path)}", environment, 120, answer, Repository.Root, TimeSpan.FromMinutes(10));
    }

    private static string Block(string readme, Regex block)
    {
        var script = block.Match(readme).Groups["script"].Value;
        Assert.False(string.IsNullOrWhiteSpace(script), $"The README has no {block} sh block.");
        return script;
    }

    private static HashSet<string> ArtifactFiles() =>
        Directory.Exists(Repository.PathOf("artifacts")) ? [.. Directory.EnumerateFiles(Repository.PathOf("artifacts"))] : [];

    [GeneratedRegex(@"<!-- csharp-install -->\s*```sh\n(?<script>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex InstallBlock();

    [GeneratedRegex(@"<!-- csharp-import -->\s*```sh\n(?<script>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ImportBlock();

    [GeneratedRegex(@"to version '(?<version>[^']+)'")]
    private static partial Regex UpdatedTo();
}
