using BulkInvite.Testing;

namespace BulkInvite.Web.Tests;

/// <summary>The page's own unit tests (clients/web/test, vitest): sign-in and OIDC wiring, errors, the resumable upload, the table's view.</summary>
public sealed class PageUnitTests
{
    [Fact]
    public async Task ThePagesUnitTestsPass()
    {
        var (exitCode, output) = await Repository.RunAsync(
            "bash", ["-c", "source scripts/lib.sh && npm_ensure clients/web && cd clients/web && npm test --silent"], Repository.Root,
            new Dictionary<string, string> { ["NO_COLOR"] = "1", ["CI"] = "true" }, TimeSpan.FromMinutes(10));

        Assert.True(exitCode == 0, "vitest failed:\n" + output);
        Assert.Matches(@"Tests\s+\d+ passed", output);
    }
}
