using System.Net;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>
/// The web page as a browser reaches it: a server process with a page port answers HTTP/1.1 there
/// with the built page and its security headers, and gRPC-Web calls; its h2c port still serves gRPC.
/// </summary>
public sealed class WebPageHostingTests : IAsyncLifetime
{
    private readonly string _folder = BulkInviteServer.NewFolder();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _http = new() { DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
    private ServerProcess? _server;

    private ServerProcess Server => _server!;

    public async ValueTask InitializeAsync() => _server = await ServerProcess.StartAsync(_folder, page: true);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        BulkInviteServer.DeleteFolder(_folder);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/invitations")]
    [InlineData("/invitations/accept?token=abc")]
    [InlineData("/imports/0123456789abcdef0123456789abcdef")]
    public async Task EveryRouteOfThePageAnswersIndexHtmlOverHttp11WithTheSecurityHeaders(string path)
    {
        using var response = await _http.GetAsync(Server.PageAddress + path, _ct);
        var html = await response.Content.ReadAsStringAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("<meta name=\"bulkinvite:sign-in\" content=\"token\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"bulkinvite:development\" content=\"false\">", html, StringComparison.Ordinal);
        Assert.Matches("<script type=\"module\" crossorigin src=\"/assets/index-[A-Za-z0-9_-]+\\.js\"></script>", html);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePagesScriptIsServedWithTheHeadersAndAYearLongCache()
    {
        using var index = await _http.GetAsync(Server.PageAddress + "/", _ct);
        var script = System.Text.RegularExpressions.Regex.Match(await index.Content.ReadAsStringAsync(_ct), "/assets/index-[A-Za-z0-9_-]+\\.js").Value;

        using var response = await _http.GetAsync(Server.PageAddress + script, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task APathThatIsNoRouteOfThePageIsNotFound()
    {
        using var response = await _http.GetAsync(Server.PageAddress + "/admin/secrets", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ThePagePortAnswersGrpcWebWithTheSameAuthorizationAsGrpc()
    {
        using var admin = GrpcWebChannel(ServerProcess.Token("acme", "organization.admin"));
        using var anonymous = GrpcWebChannel(null);

        var health = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest(), cancellationToken: _ct);
        var permissions = await new UserImportService.UserImportServiceClient(admin).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct);
        var refused = await Calls.FailsAsync(async () =>
            await new UserImportService.UserImportServiceClient(anonymous).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct));
        var unknownInvitation = await Calls.FailsAsync(async () =>
            await new InvitationService.InvitationServiceClient(anonymous).AcceptInvitationAsync(new AcceptInvitationRequest { Token = "never-issued" }, cancellationToken: _ct));
        var unknownPreview = await Calls.FailsAsync(async () =>
            await new InvitationService.InvitationServiceClient(anonymous).LookupInvitationAsync(new LookupInvitationRequest { Token = "never-issued" }, cancellationToken: _ct));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains(permissions.Permissions, p => p.Id == "projects.view");
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownInvitation.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownPreview.StatusCode);
    }

    [Fact]
    public async Task TheH2cPortStillServesGrpcAndTheStartupLogNamesThePage()
    {
        var health = await new Health.HealthClient(Server.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: _ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        await LogsAsync(Server, $"Web page:   {Server.PageAddress}/ (open it in a browser");
        await LogsAsync(Server, $"Listening:  {Server.PageAddress}: the web page and gRPC-Web (HTTP/1.1)");
    }

    [Fact]
    public async Task WithoutAPagePortTheServerLogsThatNoEndpointServesThePage()
    {
        var folder = BulkInviteServer.NewFolder();
        try
        {
            await using var server = await ServerProcess.StartAsync(folder);

            await LogsAsync(server, "Web page:   none (Web:Url http://localhost:8080/ is not one of the server's Urls)");
        }
        finally
        {
            BulkInviteServer.DeleteFolder(folder);
        }
    }

    // The line is written once the host has started, which may be just after it first answers.
    private static Task LogsAsync(ServerProcess server, string line) =>
        InvitationCalls.WaitUntilAsync(() => Task.FromResult(server.Output.Contains(line, StringComparison.Ordinal)), $"the server logs \"{line}\"\n{server.Output}");

    private GrpcChannel GrpcWebChannel(string? token) => GrpcChannel.ForAddress(Server.PageAddress!, new GrpcChannelOptions
    {
        HttpHandler = new BearerTokenHandler(token) { InnerHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()) },
        HttpVersion = HttpVersion.Version11,
        HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        DisposeHttpClient = true,
    });
}
