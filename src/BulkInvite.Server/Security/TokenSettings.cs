using Microsoft.IdentityModel.Tokens;

namespace BulkInvite.Server.Security;

/// <summary>
/// How callers' tokens are validated ("Authentication" configuration section): a symmetric signing
/// key (HS256), or an OIDC authority whose discovery document and JWKS give the keys.
/// </summary>
public sealed class TokenSettings
{
    public const string SectionName = "Authentication";

    /// <summary>
    /// The key in appsettings.Development.json. It is public (it is in the repository), so the server
    /// refuses to start with it outside the Development environment.
    /// </summary>
    public const string DevelopmentSigningKey = "YnVsa2ludml0ZS1kZXZlbG9wbWVudC1rZXktZG8tbm90LXVzZS1pbi1wcm9kdWN0aW9u";

    public string Issuer { get; set; } = "bulkinvite";
    public string Audience { get; set; } = "bulkinvite";

    /// <summary>A base64 symmetric key of at least 256 bits; tokens are HS256.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OIDC authority (issuer URL); its signing keys are fetched from its metadata.</summary>
    public string? Authority { get; set; }

    /// <summary>The OIDC discovery document, when not at the authority's well-known address.</summary>
    public string? MetadataAddress { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How far the clocks of issuer and server may differ.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public static TokenSettings From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<TokenSettings>() ?? new TokenSettings();

    public SymmetricSecurityKey? SymmetricKey() =>
        string.IsNullOrEmpty(SigningKey) ? null : new SymmetricSecurityKey(Convert.FromBase64String(SigningKey));

    /// <summary>Why the server must not start with these settings in this environment, or null.</summary>
    public string? Problem(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrEmpty(SigningKey) && string.IsNullOrEmpty(Authority))
        {
            return "No token signing key: set Authentication:SigningKey (base64, at least 32 bytes) or Authentication:Authority (an OIDC issuer).";
        }

        if (SigningKey == DevelopmentSigningKey && !environment.IsDevelopment())
        {
            return $"Authentication:SigningKey is the public development key, which only the Development environment may use (this is {environment.EnvironmentName}). Configure a secret key.";
        }

        if (!string.IsNullOrEmpty(SigningKey))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(SigningKey);
            }
            catch (FormatException)
            {
                return "Authentication:SigningKey is not base64.";
            }

            if (key.Length < 32)
            {
                return "Authentication:SigningKey must be at least 32 bytes (256 bits).";
            }
        }

        return null;
    }
}
