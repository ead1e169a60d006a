using System.Net;
using System.Net.Http.Headers;
using BulkInvite.Server.Security;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Google.Rpc;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>
/// A call without a good token is answered UNAUTHENTICATED as a gRPC status whose ErrorInfo says why,
/// read here through a real GrpcChannel as any client reads it; other HTTP requests keep their 401.
/// </summary>
public sealed class UnauthenticatedDetailsTests : IDisposable
{
    private static readonly TokenSettings OtherKey = new() { SigningKey = Convert.ToBase64String(new byte[32]) };
    private readonly BulkInviteServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    public static TheoryData<string, string?, string, string> Problems => new()
    {
        { "no token", null, "TOKEN_MISSING", "no bearer token" },
        { "not a token", "not.a.token", "TOKEN_MALFORMED", "not a valid JWT" },
        { "not even three parts", "garbage", "TOKEN_MALFORMED", "not a valid JWT" },
        { "expired two minutes ago", Tokens.For("acme", ["projects.view"], validFor: TimeSpan.FromMinutes(-2)), "TOKEN_EXPIRED", " ago (this server allows" },
        { "valid from tomorrow", Minted(Tokens.Development, TimeSpan.FromDays(1), TimeSpan.FromDays(2)), "TOKEN_NOT_YET_VALID", "is not valid before" },
        { "signed with another key", Tokens.For("acme", ["projects.view"], settings: OtherKey), "TOKEN_SIGNATURE_INVALID", "signing key" },
        { "from another issuer", Tokens.For("acme", ["projects.view"], settings: new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey, Issuer = "someone-else" }), "TOKEN_ISSUER_INVALID", "\"someone-else\"" },
        { "for another audience", Tokens.For("acme", ["projects.view"], settings: new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey, Audience = "billing" }), "TOKEN_AUDIENCE_INVALID", "\"billing\"" },
        { "without an organization", Tokens.For("", ["projects.view"]), "TOKEN_MALFORMED", "sub and org claims" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task EachTokenProblemIsUnauthenticatedWithAnErrorInfoReasonAndAMessage(string problem, string? token, string reason, string messagePart)
    {
        var error = await Calls.FailsAsync(async () =>
            await _server.ClientWith(token).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken));

        var status = error.GetRpcStatus();
        Assert.True(status is not null, $"{problem}: no grpc-status-details-bin ({error.Status})");
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal((int)Code.Unauthenticated, status.Code);
        Assert.Equal((reason, "bulkinvite.v1"), (info.Reason, info.Domain));
        Assert.Contains(messagePart, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(error.Status.Detail, status.Message);
    }

    [Fact]
    public async Task AnExpiredTokenSaysWhenItExpiredAndHowToGetANewOne()
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(-3);
        var token = TokenIssuer.Mint(Tokens.Development, "test-user", "acme", ["projects.view"], expires.AddHours(-1), expires);

        var error = await Calls.FailsAsync(async () =>
            await _server.ClientWith(token).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken));

        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("TOKEN_EXPIRED", info.Reason);
        Assert.Equal(expires.ToUnixTimeSeconds(), DateTimeOffset.Parse(info.Metadata["expires_at"], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        Assert.Contains($"expired at {expires.UtcDateTime:HH:mm:ss} UTC", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("-- token --org", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenExpiredWithinTheClockSkewIsStillAccepted()
    {
        var expires = DateTimeOffset.UtcNow.AddSeconds(-5);
        var token = TokenIssuer.Mint(Tokens.Development, "test-user", "acme", ["projects.view"], expires.AddHours(-1), expires);

        var response = await _server.ClientWith(token).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(response.Permissions);
    }

    [Fact]
    public async Task TheClockSkewIsASetting()
    {
        var strict = new BulkInviteServer(settings: new Dictionary<string, string?> { ["Authentication:ClockSkew"] = "00:00:00" });
        var expires = DateTimeOffset.UtcNow.AddSeconds(-5);
        var token = TokenIssuer.Mint(Tokens.Development, "test-user", "acme", ["projects.view"], expires.AddHours(-1), expires);

        RpcException error;
        try
        {
            error = await Calls.FailsAsync(async () =>
                await strict.ClientWith(token).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken));
        }
        finally
        {
            strict.Dispose();
            strict.DeleteData();
        }

        Assert.Equal("TOKEN_EXPIRED", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Contains("0 seconds of clock skew", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGrpcWebCallGetsTheStatusInItsOwnContentType()
    {
        using var http = _server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bulkinvite.v1.UserImportService/ListPermissions") { Content = new ByteArrayContent([0, 0, 0, 0, 0]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web+proto");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The gRPC-Web middleware (UseGrpcWeb, for the web page) answers in the gRPC-Web family.
        Assert.StartsWith("application/grpc-web", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal("16", response.Headers.GetValues("grpc-status").Single());
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(Padded(response.Headers.GetValues("grpc-status-details-bin").Single())));
        Assert.Equal("TOKEN_MISSING", status.GetDetail<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task ARequestThatIsNotGrpcKeepsThePlainHttp401()
    {
        using var http = _server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bulkinvite.v1.UserImportService/ListPermissions") { Content = new StringContent("{}") };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.False(response.Headers.Contains("grpc-status"));
    }

    private static string Minted(TokenSettings settings, TimeSpan notBeforeFromNow, TimeSpan expiresFromNow) =>
        TokenIssuer.Mint(settings, "test-user", "acme", ["projects.view"], DateTimeOffset.UtcNow + notBeforeFromNow, DateTimeOffset.UtcNow + expiresFromNow);

    private static string Padded(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
}
