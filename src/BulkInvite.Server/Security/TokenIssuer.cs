using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BulkInvite.Server.Security;

/// <summary>Mints tokens with the configured symmetric key: for local use and tests, never a substitute for an identity provider.</summary>
public static class TokenIssuer
{
    /// <summary>A signed token; <paramref name="name"/> and <paramref name="organizationName"/> become the name and org_name claims when given.</summary>
    public static string Mint(
        TokenSettings settings, string subject, string organizationId, IEnumerable<string> permissions, DateTimeOffset notBefore, DateTimeOffset expires,
        string? name = null, string? organizationName = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = settings.SymmetricKey() ?? throw new InvalidOperationException(
            "Authentication:SigningKey is not set: with an OIDC authority, tokens come from the identity provider.");
        var claims = new Dictionary<string, object>
        {
            [CallerClaims.Subject] = subject,
            [CallerClaims.Organization] = organizationId,
            [CallerClaims.Permissions] = permissions.ToArray(),
        };
        if (!string.IsNullOrWhiteSpace(name))
        {
            claims[CallerClaims.Name] = name;
        }

        if (!string.IsNullOrWhiteSpace(organizationName))
        {
            claims[CallerClaims.OrganizationName] = organizationName;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The claims a minted token carries, for the command's summary.</summary>
    public static IEnumerable<Claim> Describe(string token) => new JsonWebToken(token).Claims;
}
