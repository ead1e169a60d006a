using System.Security.Cryptography;
using System.Text;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using BulkInvite.Testing;

namespace BulkInvite.Web.Tests;

/// <summary>
/// Sign-in with an OIDC provider: a stand-in provider on loopback (discovery, an authorize endpoint
/// that consents at once, a token endpoint that checks the PKCE verifier, JWKS) issues the access
/// token; the server, configured with it as Authentication:Authority, accepts that token.
/// </summary>
public sealed class OidcSignInTests : PageTest
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _authority = $"http://127.0.0.1:{ServerProcess.FreePort()}";
    private readonly List<string> _tokenRequests = [];
    private string _challenge = "";
    private string _challengeMethod = "";
    private WebApplication? _provider;

    protected override IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["Authentication__SigningKey"] = "",
        ["Authentication__Authority"] = _authority,
        ["Authentication__Issuer"] = _authority,
        ["Authentication__RequireHttpsMetadata"] = "false",
    };

    public override async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(_authority);
        _provider = builder.Build();
        // The page calls discovery and the token endpoint from its own origin.
        _provider.Use((context, next) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return next(context);
        });
        _provider.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _authority,
            ["authorization_endpoint"] = _authority + "/authorize",
            ["token_endpoint"] = _authority + "/token",
            ["jwks_uri"] = _authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _provider.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = "test-key" });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        _provider.MapGet("/authorize", (HttpRequest request) =>
        {
            _challenge = request.Query["code_challenge"].ToString();
            _challengeMethod = request.Query["code_challenge_method"].ToString();
            return Results.Redirect($"{request.Query["redirect_uri"]}?code=the-code&state={Uri.EscapeDataString(request.Query["state"].ToString())}");
        });
        _provider.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var verifier = form["code_verifier"].ToString();
            _tokenRequests.Add($"{form["grant_type"]} {form["code"]} {form["client_id"]}");
            var expected = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            if (form["code"] != "the-code" || expected != _challenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            return Results.Json(new
            {
                access_token = Mint("bulkinvite", new() { ["org"] = "acme", ["permissions"] = new[] { "organization.admin" } }),
                id_token = Mint(form["client_id"].ToString(), []),
                token_type = "Bearer",
                expires_in = 600,
                scope = "openid profile",
            });
        });
        await _provider.StartAsync(Ct);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _key.Dispose();
    }

    [Fact]
    public async Task AnAdminSignsInWithTheProviderByAuthorizationCodeWithPkceAndThePageCallsTheApiWithItsAccessToken()
    {
        await Page.GotoAsync(PageAddress + "/");
        await StepAsync("1-provider-sign-in");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organization's account" }).ClickAsync();
        // The access token has no name claim: GetCaller names the person by their subject.
        await Page.GetByText($"Signed in as oidc-admin for {OrganizationName}").WaitForAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Download the sample (CSV)" }).WaitForAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download the sample (CSV)" }).ClickAsync());
        await StepAsync("2-signed-in");

        Assert.Equal("S256", _challengeMethod);
        Assert.Equal(["authorization_code the-code bulkinvite-web"], _tokenRequests);
        Assert.Equal(PageAddress + "/", Page.Url);
        Assert.Equal("bulk-invite-sample.csv", download.SuggestedFilename);
        Assert.Empty(ScriptErrors);
    }

    private string Mint(string audience, Dictionary<string, object> claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = _authority,
        Audience = audience,
        IssuedAt = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object>(claims) { ["sub"] = "oidc-admin" },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
    });
}
