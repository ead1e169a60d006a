using System.Globalization;
using System.Threading.RateLimiting;
using BulkInvite.Core.Importing;
using BulkInvite.Server.Hosting;
using Google.Rpc;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BulkInvite.Server.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// JWT bearer authentication from the "Authentication" section, an authorization policy that every
    /// BulkInvite call needs, and a request rate limit per organization ("RateLimiting" section).
    /// </summary>
    public static IServiceCollection AddBulkInviteSecurity(this IServiceCollection services)
    {
        services.AddOptions<TokenSettings>().BindConfiguration(TokenSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TokenSettings>, TokenSettingsValidator>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenSettings>>((jwt, settings) => Configure(jwt, settings.Value));
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        services.AddValidatedSettings<RateLimitSettings>(RateLimitSettings.SectionName, RateLimitProblems);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((limiter, settings) => Configure(limiter, settings.Value));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, TokenSettings settings)
    {
        // Keep the token's own claim names (sub, org, permissions) instead of WS-* URIs.
        jwt.MapInboundClaims = false;
        jwt.Authority = settings.Authority;
        jwt.MetadataAddress = settings.MetadataAddress ?? "";
        jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = settings.Issuer,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = settings.ClockSkew,
            IssuerSigningKey = settings.SymmetricKey(),
            ValidateIssuerSigningKey = true,
            NameClaimType = CallerClaims.Subject,
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (CallerClaims.FromPrincipal(context.Principal!) is null)
                {
                    context.Fail("The token must carry sub and org claims.");
                }

                return Task.CompletedTask;
            },
        };
    }

    // A token bucket refuses a zero or negative size or refill when the first call builds it: say so at start instead.
    private static IEnumerable<string> RateLimitProblems(RateLimitSettings settings)
    {
        if (settings.RequestsPerSecond <= 0)
        {
            yield return $"{RateLimitSettings.SectionName}:{nameof(settings.RequestsPerSecond)} must be positive.";
        }

        if (settings.Burst <= 0)
        {
            yield return $"{RateLimitSettings.SectionName}:{nameof(settings.Burst)} must be positive.";
        }
    }

    private static void Configure(RateLimiterOptions limiter, RateLimitSettings settings)
    {
        // One token bucket per organization (from the token); calls without a token are refused by
        // authentication anyway, and health checks are not limited.
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var caller = http.User.Identity?.IsAuthenticated == true ? CallerClaims.FromPrincipal(http.User) : null;
            return caller is null
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(caller.OrganizationId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.Burst,
                    TokensPerPeriod = settings.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
        });
        limiter.OnRejected = (context, _) => new ValueTask(WriteResourceExhaustedAsync(context.HttpContext, settings));
    }

    /// <summary>
    /// The rate limiter's refusal as a gRPC status: a trailers-only response with RESOURCE_EXHAUSTED
    /// and a QuotaFailure, not the HTTP 429 that gRPC clients would read as UNAVAILABLE.
    /// </summary>
    private static Task WriteResourceExhaustedAsync(HttpContext http, RateLimitSettings settings)
    {
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Too many requests for this organization (at most {settings.RequestsPerSecond} a second, bursts of {settings.Burst}); retry later.");
        var organizationId = CallerClaims.FromPrincipal(http.User)?.OrganizationId ?? "";
        var quota = new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = ResourceNames.Organization(organizationId), Description = message } } };
        return RpcStatuses.WriteTrailersOnlyAsync(http, RpcStatuses.Create(Code.ResourceExhausted, message, ErrorReason.RateLimited, quota));
    }
}

/// <summary>Refuses token settings that would let anyone in (<see cref="TokenSettings.Problem"/>) or a negative clock skew.</summary>
internal sealed class TokenSettingsValidator(IHostEnvironment environment) : IValidateOptions<TokenSettings>
{
    public ValidateOptionsResult Validate(string? name, TokenSettings options)
    {
        if (options.Problem(environment) is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }

        return options.ClockSkew < TimeSpan.Zero ? ValidateOptionsResult.Fail("Authentication:ClockSkew cannot be negative.") : ValidateOptionsResult.Success;
    }
}
