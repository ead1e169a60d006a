using BulkInvite.Testing;

namespace BulkInvite.Polyglot.Tests;

/// <summary>
/// The TypeScript and Python clients' own suites (clients/typescript, clients/python), each importing
/// the real .xlsx and .csv fixtures end to end against a real server process, as part of `dotnet test`.
/// </summary>
[Collection(ClientSuites.Name)]
public class ClientSuiteTests
{
    [Theory]
    [InlineData("typescript")]
    [InlineData("python")]
    public async Task TheClientSuitePasses(string language)
    {
        var (exitCode, output) = await Repository.RunAsync(
            "bash", [Repository.PathOf("scripts", "test-clients.sh"), language], Repository.Root,
            new Dictionary<string, string> { ["BULKINVITE_SERVER_DLL"] = ServerProcess.DllPath },
            TimeSpan.FromMinutes(15));

        Assert.True(exitCode == 0, $"The {language} client suite failed ({exitCode}):\n{output}");
    }
}
