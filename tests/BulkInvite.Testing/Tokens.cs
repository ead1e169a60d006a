using BulkInvite.Server.Security;

namespace BulkInvite.Testing;

/// <summary>Tokens as an identity provider would issue them, signed with the key the test server trusts.</summary>
public static class Tokens
{
    /// <summary>The Development key, which the in-process test server (Development environment) trusts.</summary>
    public static TokenSettings Development { get; } = new() { SigningKey = TokenSettings.DevelopmentSigningKey };

    public static string Admin(string organizationId) => For(organizationId, ["organization.admin"]);

    /// <param name="name">The token's name claim (the caller's name for people), when given.</param>
    /// <param name="organizationName">The token's org_name claim, when given.</param>
    public static string For(
        string organizationId, string[] permissions, string subject = "test-user", TokenSettings? settings = null, TimeSpan? validFor = null,
        string? name = null, string? organizationName = null)
    {
        var now = DateTimeOffset.UtcNow;
        var lifetime = validFor ?? TimeSpan.FromHours(1);
        return lifetime > TimeSpan.Zero
            ? TokenIssuer.Mint(settings ?? Development, subject, organizationId, permissions, now, now + lifetime, name, organizationName)
            : TokenIssuer.Mint(settings ?? Development, subject, organizationId, permissions, now + lifetime - TimeSpan.FromHours(1), now + lifetime, name, organizationName);
    }
}

/// <summary>Adds `authorization: Bearer TOKEN` to every request, as a client library does.</summary>
public sealed class BearerTokenHandler(string? token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
