using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>
/// Keys from an OIDC authority: a stand-in identity provider (discovery document and JWKS on
/// loopback) signs RS256 tokens; the server, configured with its address and no key of its own,
/// accepts them.
/// </summary>
public sealed class OidcAuthorityTests : IAsyncLifetime
{
    private readonly string _folder = BulkInviteServer.NewFolder();
    private readonly RSA _key = RSA.Create(2048);
    private WebApplication? _provider;
    private string _authority = "";

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        _authority = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(_authority);
        _provider = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = "test-key" });
        _provider.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _authority,
            ["jwks_uri"] = _authority + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _provider.MapGet("/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[] { new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E } },
        }));
        await _provider.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _key.Dispose();
        BulkInviteServer.DeleteFolder(_folder);
    }

    [Fact]
    public async Task AcceptsTokensSignedWithTheAuthoritysKeysAndRefusesOthers()
    {
        await using var server = await ServerProcess.StartAsync(_folder, new Dictionary<string, string>
        {
            ["Authentication__SigningKey"] = "",
            ["Authentication__Authority"] = _authority,
            ["Authentication__Issuer"] = _authority,
            ["Authentication__RequireHttpsMetadata"] = "false",
        });

        var accepted = await ListPermissionsAsync(server, Mint(_key));
        using var stranger = RSA.Create(2048);
        var refused = await Calls.FailsAsync(() => ListPermissionsAsync(server, Mint(stranger)));

        Assert.NotEmpty(accepted);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    private static async Task<IReadOnlyList<Permission>> ListPermissionsAsync(ServerProcess server, string token)
    {
        using var channel = server.ChannelWith(token);
        return (await new UserImportService.UserImportServiceClient(channel).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken)).Permissions;
    }

    private string Mint(RSA key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = _authority,
        Audience = "bulkinvite",
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object> { ["sub"] = "svc-billing", ["org"] = "acme", ["permissions"] = new[] { "members.invite" } },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
