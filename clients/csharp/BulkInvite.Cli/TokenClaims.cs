using Microsoft.IdentityModel.JsonWebTokens;

namespace BulkInvite.Cli;

/// <summary>
/// What the bearer token says about its holder, read without checking its signature: the
/// organization it acts for (org) and the permissions it holds there (permissions: a JSON array or
/// a space-separated string, as the server reads them). Only to default --org and to refuse early
/// what the server would refuse anyway; the server still checks the token on every call.
/// </summary>
internal sealed record TokenClaims(string? Organization, IReadOnlySet<string> Permissions)
{
    public const string Admin = "organization.admin";
    public const string Inviter = "members.invite";

    /// <summary>The token's claims, or null when it is not a JWT this tool can read (the server decides then).</summary>
    public static TokenClaims? TryRead(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || !new JsonWebTokenHandler().CanReadToken(token))
        {
            return null;
        }

        try
        {
            var jwt = new JsonWebToken(token);
            var organization = jwt.TryGetPayloadValue<string>("org", out var org) && !string.IsNullOrWhiteSpace(org) ? org : null;
            var permissions = jwt.Claims
                .Where(c => c.Type == "permissions")
                .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToHashSet(StringComparer.Ordinal);
            return new TokenClaims(organization, permissions);
        }
        catch (ArgumentException)
        {
            return null; // not a JWT after all (a JWE, or a payload that is not JSON)
        }
    }

    /// <summary>Whether the token holds a permission, by the server's rule: organization.admin holds them all.</summary>
    public bool Holds(string permission) => Permissions.Contains(Admin) || Permissions.Contains(permission);
}
