using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace BulkInvite.Server.Security;

/// <summary>
/// Mutual TLS: HTTPS endpoints come from Kestrel configuration (Kestrel:Endpoints:NAME:Url and
/// :Certificate); when Tls:ClientCertificateAuthority names a CA certificate (PEM or DER), every
/// HTTPS client must present a certificate issued by it.
/// </summary>
public static class TlsExtensions
{
    public const string ClientCertificateAuthorityKey = "Tls:ClientCertificateAuthority";

    public static WebApplicationBuilder UseClientCertificateAuthority(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var path = context.Configuration[ClientCertificateAuthorityKey];
            if (string.IsNullOrEmpty(path))
            {
                return;
            }

            var authority = X509CertificateLoader.LoadCertificateFromFile(path);
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, _) => IssuedBy(certificate, authority);
            });
        });
        return builder;
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
