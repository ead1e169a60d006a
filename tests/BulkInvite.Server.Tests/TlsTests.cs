using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>TLS and mutual TLS through Kestrel configuration, with certificates this test makes.</summary>
public sealed class TlsTests : IDisposable
{
    private const string Password = "test-only";
    private readonly string _folder = BulkInviteServer.NewFolder();
    private readonly X509Certificate2 _authority;
    private readonly X509Certificate2 _client;
    private readonly string _serverPfx;
    private readonly string _authorityPem;

    public TlsTests()
    {
        Directory.CreateDirectory(_folder);
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=BulkInvite Test CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        _authority = authorityRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        _serverPfx = Path.Combine(_folder, "server.pfx");
        File.WriteAllBytes(_serverPfx, Issue("CN=localhost", "1.3.6.1.5.5.7.3.1", san: true, Password));
        _authorityPem = Path.Combine(_folder, "ca.pem");
        File.WriteAllText(_authorityPem, _authority.ExportCertificatePem());
        _client = X509CertificateLoader.LoadPkcs12(Issue("CN=billing-service", "1.3.6.1.5.5.7.3.2", san: false, null), null);
    }

    public void Dispose()
    {
        _authority.Dispose();
        _client.Dispose();
        BulkInviteServer.DeleteFolder(_folder);
    }

    [Fact]
    public async Task ServesGrpcOverTls()
    {
        await using var server = await ServerProcess.StartAsync(Path.Combine(_folder, "tls"), Certificate(), "https", () => Transport(clientCertificate: null));

        var permissions = await ListPermissionsAsync(server);

        Assert.StartsWith("https://", server.Address, StringComparison.Ordinal);
        Assert.NotEmpty(permissions);
    }

    [Fact]
    public async Task WithAClientCertificateAuthorityOnlyClientsItIssuedGetIn()
    {
        var settings = new Dictionary<string, string>(Certificate()) { ["Tls__ClientCertificateAuthority"] = _authorityPem };
        await using var server = await ServerProcess.StartAsync(Path.Combine(_folder, "mtls"), settings, "https", () => Transport(_client));

        var withCertificate = await ListPermissionsAsync(server);
        var withoutCertificate = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(server.Address, new Grpc.Net.Client.GrpcChannelOptions
            {
                HttpHandler = new BearerTokenHandler(ServerProcess.Token("acme", "organization.admin")) { InnerHandler = Transport(clientCertificate: null) },
            });
            await new UserImportService.UserImportServiceClient(channel).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken);
        });

        Assert.NotEmpty(withCertificate);
        Assert.True(withoutCertificate is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.Internal } or HttpRequestException, withoutCertificate.ToString());
    }

    private static async Task<IReadOnlyList<Permission>> ListPermissionsAsync(ServerProcess server) =>
        (await new UserImportService.UserImportServiceClient(server.Channel).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken)).Permissions;

    private Dictionary<string, string> Certificate() => new()
    {
        ["Kestrel__Certificates__Default__Path"] = _serverPfx,
        ["Kestrel__Certificates__Default__Password"] = Password,
    };

    /// <summary>Trusts only the test authority; presents a client certificate when given one.</summary>
    private SocketsHttpHandler Transport(X509Certificate2? clientCertificate) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 presented && IssuedByAuthority(presented),
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
        },
    };

    private bool IssuedByAuthority(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>A certificate the test authority issues, with its private key, as PKCS#12.</summary>
    private byte[] Issue(string subject, string usage, bool san, string? password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (san)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var issued = request.Create(_authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        return withKey.Export(X509ContentType.Pfx, password);
    }
}
