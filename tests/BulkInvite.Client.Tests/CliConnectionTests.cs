using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
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
        Assert.Contains($"Cannot reach the BulkInvite server at {web.Url}: something answers there, but not with HTTP/2", result.Error, StringComparison.Ordinal);
        Assert.Contains("Pass the URL of the server's gRPC endpoint", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PROTOCOL_ERROR", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysTheServerRefusedTheTokenWhenItAnswersABare401()
    {
        var result = await CliProcess.RunAsync(server.Url, ServerFixture.UntrustedToken(_organization), "imports");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("The server refused the token (it answered HTTP 401 without saying why", result.Error, StringComparison.Ordinal);
        Assert.Contains("Get a new token for this server", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Against a fake: the real server answers a bare HTTP 401 until it sends UNAUTHENTICATED with an
    /// ErrorInfo (issue 16 §2); this is the status it is to send.
    /// </summary>
    [Fact]
    public async Task ShowsTheReasonAndMessageOfAnUnauthenticatedStatusWithErrorInfo()
    {
        const string message = "The token expired at 14:02:11 UTC, 3 minutes ago; mint a new one.";
        await using var fake = await FakeServer.StartAsync(HttpProtocols.Http2, context => Unauthenticated(context, "TOKEN_EXPIRED", message));

        var text = await CliProcess.RunAsync(fake.Url, Token, "imports");
        var json = await CliProcess.RunAsync(fake.Url, Token, "imports", "--output", "json");

        Assert.Equal((3, 3), (text.ExitCode, json.ExitCode));
        Assert.Contains($"The server refused the token (TOKEN_EXPIRED): {message}", text.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal(("UNAUTHENTICATED", "TOKEN_EXPIRED", message), (error.GetProperty("status").GetString(), error.GetProperty("reason").GetString(), error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task ActsForTheTokensOrganizationWithoutOrg()
    {
        using var client = server.ClientFor(_organization);
        var import = await client.ImportFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(server.Url, Token, "imports");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("UPLOADED", TextTable.RowWith(result.Out, import.ImportId)[3]);
    }

    /// <summary>A trailers-only gRPC answer, as the server sends a status with google.rpc details.</summary>
    internal static Task Unauthenticated(HttpContext context, string reason, string message)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.Unauthenticated,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Domain = "bulkinvite.v1", Reason = reason }) },
        };
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = "16";
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return Task.CompletedTask;
    }
}
