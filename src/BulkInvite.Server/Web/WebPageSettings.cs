using BulkInvite.Server.Security;

namespace BulkInvite.Server.Web;

/// <summary>
/// Where the web page is served and how it signs in ("Web" section, with Authentication:Authority).
/// The page needs HTTP/1.1 (browsers cannot speak h2c), so it has an endpoint of its own: the one
/// of <see cref="Url"/>, which must also be one of the server's Urls. Every other endpoint keeps
/// HTTP/2 for gRPC clients.
/// </summary>
public sealed class WebPageSettings
{
    public const string SectionName = "Web";

    /// <summary>The page's address (http://localhost:8080 by default); null or empty for no page endpoint.</summary>
    public Uri? Url { get; init; }

    /// <summary>The OIDC client id the page signs in with when Authentication:Authority is set.</summary>
    public string ClientId { get; init; } = "bulkinvite-web";

    /// <summary>The scopes the page asks the OIDC provider for.</summary>
    public string Scope { get; init; } = "openid profile";

    /// <summary>The OIDC issuer the page signs in with (Authentication:Authority), or null for pasted tokens.</summary>
    public Uri? Authority { get; init; }

    /// <summary>The invitee's page, where the emailed link leads: the default of Email:AcceptBaseUrl.</summary>
    public Uri? AcceptPageUrl => Url is null ? null : new Uri(Url, "/invitations/accept");

    public static WebPageSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var url = section["Url"];
        var authority = TokenSettings.From(configuration).Authority;
        return new WebPageSettings
        {
            Url = string.IsNullOrWhiteSpace(url) ? null : new Uri(url, UriKind.Absolute),
            ClientId = section["ClientId"] is { Length: > 0 } clientId ? clientId : "bulkinvite-web",
            Scope = section["Scope"] is { Length: > 0 } scope ? scope : "openid profile",
            Authority = string.IsNullOrWhiteSpace(authority) ? null : new Uri(authority, UriKind.Absolute),
        };
    }

    /// <summary>Whether a Kestrel endpoint on this port is the page's (and so speaks HTTP/1.1).</summary>
    public bool IsPagePort(int port) => Url is not null && Url.Port == port;
}
