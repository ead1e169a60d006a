using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BulkInvite.Client.Tests;

/// <summary>
/// What bulkinvite (the real process) says when it cannot talk to the server, or the server refuses
/// the token: what happened in a person's words and what to do, never a transport's own words alone.
/// </summary>
public sealed class CliConnectionTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    private string Token => ServerFixture.Token(_organization);

    [Fact]
    public async Task SaysNothingListensThereAndHowToStartTheServer()
    {
        var url = ServerFixture.UnreachableUrl();

        var result = await CliProcess.RunAsync(url, Token, "permissions");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"Cannot reach the BulkInvite server at {url}: nothing is listening there (connection refused).", result.Error, StringComparison.Ordinal);
        Assert.Contains("Start it with `dotnet run --project src/BulkInvite.Server`, or pass --server URL", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("subchannel", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SaysTheHostNameCouldNotBeResolved()
    {
        // .invalid never resolves (RFC 2606).
        var result = await CliProcess.RunAsync("http://bulkinvite.invalid:5000", Token, "permissions");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot reach the BulkInvite server at http://bulkinvite.invalid:5000: the host name could not be resolved", result.Error, StringComparison.Ordinal);
        Assert.Contains("Check the host name", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("subchannel", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SaysTheTlsHandshakeFailedAndSuggestsHttpForAPlainHttpServer()
    {
        var https = server.Url.Replace("http://", "https://", StringComparison.Ordinal);

        var result = await CliProcess.RunAsync(https, Token, "permissions");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"Cannot reach the BulkInvite server at {https}: the TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Contains($"use --server {server.Url}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Error starting gRPC call", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysAnHttp11OnlyEndpointDoesNotSpeakHttp2()
    {
        await using var web = await FakeServer.StartAsync(HttpProtocols.Http1, context => context.Response.WriteAsync("a web page", context.RequestAborted));

        var result = await CliProcess.RunAsync(web.Url, Token, "permissions");

        Assert.Equal(3, result.ExitCode);
        Assert.True(result.Error.Contains($"Cannot reach the BulkInvite server at {web.Url}: something answers there, but not with HTTP/2", StringComparison.Ordinal), result.Error);
        Assert.Contains("Pass the URL of the server's gRPC endpoint", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PROTOCOL_ERROR", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Against a fake: the real server always explains; a proxy in front of it may not.</summary>
    [Fact]
    public async Task SaysTheServerRefusedTheTokenWhenItAnswersABare401()
    {
        await using var proxy = await FakeServer.StartAsync(HttpProtocols.Http2, context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        });

        var result = await CliProcess.RunAsync(proxy.Url, Token, "imports");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("The server refused the token (it answered HTTP 401 without saying why", result.Error, StringComparison.Ordinal);
        Assert.Contains("Get a new token for this server", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsTheReasonAndMessageOfTheServersUnauthenticatedStatus()
    {
        var untrusted = ServerFixture.UntrustedToken(_organization);

        var text = await CliProcess.RunAsync(server.Url, untrusted, "imports");
        var json = await CliProcess.RunAsync(server.Url, untrusted, "imports", "--output", "json");

        Assert.Equal((3, 3), (text.ExitCode, json.ExitCode));
        Assert.Contains("The server refused the token (TOKEN_SIGNATURE_INVALID): The token's signature does not verify", text.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal(("UNAUTHENTICATED", "TOKEN_SIGNATURE_INVALID"), (error.GetProperty("status").GetString(), error.GetProperty("reason").GetString()));
        Assert.StartsWith("The token's signature does not verify", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActsForTheTokensOrganizationWithoutOrg()
    {
        using var client = server.ClientFor(_organization);
        var import = await client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(server.Url, Token, "imports");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("UPLOADED", TextTable.RowWith(result.Out, import.ImportId)[3]);
    }
}
