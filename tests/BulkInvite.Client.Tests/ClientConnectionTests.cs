using BulkInvite.Client.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BulkInvite.Client.Tests;

/// <summary>Why a call could not reach the server (ServerUnavailableException.Problem), and the server's reason for refusing a token.</summary>
public sealed class ClientConnectionTests(ServerFixture server)
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;
    private readonly BulkInviteClientOptions _once = new() { Token = ServerFixture.Token(ServerFixture.NewOrganization()), MaxAttempts = 1 };

    [Fact]
    public async Task SaysNothingIsListeningOnAClosedPort()
    {
        using var client = new BulkInviteClient(ServerFixture.UnreachableUrl(), _once);

        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.Equal((ConnectionProblem.NothingListening, StatusCode.Unavailable), (error.Problem, error.StatusCode));
        Assert.Equal("Cannot reach the BulkInvite server: nothing is listening there (connection refused).", error.Message);
    }

    [Fact]
    public async Task SaysTheHostWasNotFoundForANameThatDoesNotResolve()
    {
        using var client = new BulkInviteClient("http://bulkinvite.invalid:5000", _once);

        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.Equal(ConnectionProblem.HostNotFound, error.Problem);
    }

    [Fact]
    public async Task SaysTheTlsHandshakeFailedForHttpsToAPlainHttpServerWithoutRetrying()
    {
        using var client = new BulkInviteClient(server.Url.Replace("http://", "https://", StringComparison.Ordinal), _once with { MaxAttempts = 4 });

        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.Equal((ConnectionProblem.TlsHandshakeFailed, StatusCode.Internal), (error.Problem, error.StatusCode));
        Assert.NotNull(error.TransportMessage);
    }

    [Fact]
    public async Task SaysAnHttp11OnlyEndpointIsNotHttp2()
    {
        await using var web = await FakeServer.StartAsync(HttpProtocols.Http1, context => context.Response.WriteAsync("a web page", context.RequestAborted));
        using var client = new BulkInviteClient(web.Url, _once);

        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.Equal(ConnectionProblem.NotHttp2, error.Problem);
    }

    /// <summary>Against a fake: the real server always explains; a proxy in front of it may not.</summary>
    [Fact]
    public async Task SaysTheServerRefusedTheTokenWithoutSayingWhyForABare401()
    {
        await using var proxy = await FakeServer.StartAsync(HttpProtocols.Http2, context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        });
        using var client = new BulkInviteClient(proxy.Url, _once);

        var error = await Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.False(error.IsExplained);
        Assert.Null(error.Reason);
        Assert.StartsWith("The server refused the token: it answered HTTP 401 without saying why", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarriesTheServersReasonAndMessageForAnUnauthenticatedStatus()
    {
        using var client = server.ClientWith(ServerFixture.UntrustedToken(ServerFixture.NewOrganization()));

        var error = await Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.True(error.IsExplained);
        Assert.Equal(("TOKEN_SIGNATURE_INVALID", "bulkinvite.v1"), (error.Reason, error.ErrorInfo?.Domain));
        Assert.StartsWith("The token's signature does not verify", error.Message, StringComparison.Ordinal);
    }
}
