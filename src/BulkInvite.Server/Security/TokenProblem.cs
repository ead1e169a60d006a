using System.Globalization;
using BulkInvite.Core.Importing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BulkInvite.Server.Security;

/// <summary>
/// Why a call was not authenticated, as UNAUTHENTICATED tells it: a reason programs read (the
/// ErrorInfo reason: TOKEN_MISSING, TOKEN_EXPIRED, …), a message a person reads, and metadata
/// (the expiry, the issuer received and expected, …).
/// </summary>
public sealed record TokenProblem(ErrorReason Reason, string Message, IReadOnlyDictionary<string, string> Metadata)
{
    private const ErrorReason Missing = ErrorReason.TokenMissing;
    private const ErrorReason Malformed = ErrorReason.TokenMalformed;
    private const ErrorReason Expired = ErrorReason.TokenExpired;
    private const ErrorReason NotYetValid = ErrorReason.TokenNotYetValid;
    private const ErrorReason SignatureInvalid = ErrorReason.TokenSignatureInvalid;
    private const ErrorReason IssuerInvalid = ErrorReason.TokenIssuerInvalid;
    private const ErrorReason AudienceInvalid = ErrorReason.TokenAudienceInvalid;

    /// <summary>
    /// The problem of an authentication result that is not a success: no token at all (no result),
    /// or the validation failure JWT bearer authentication recorded.
    /// </summary>
    /// <param name="token">The bearer token received, to name what it claims when the failure does not.</param>
    public static TokenProblem From(AuthenticateResult? result, string? token, TokenSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var renew = RenewHint(settings);
        return result?.Failure switch
        {
            null => new(Missing, $"The call has no bearer token: send the header `authorization: Bearer TOKEN`; {renew.Replace(" a new one", " one", StringComparison.Ordinal)}.", Empty),
            SecurityTokenExpiredException e => ExpiredProblem(new DateTimeOffset(DateTime.SpecifyKind(e.Expires, DateTimeKind.Utc)), now, settings, renew),
            SecurityTokenNotYetValidException e => NotYetValidProblem(new DateTimeOffset(DateTime.SpecifyKind(e.NotBefore, DateTimeKind.Utc)), now, settings),
            SecurityTokenInvalidSignatureException => new(SignatureInvalid,
                $"The token's signature does not verify with {KeySource(settings)}: it was signed for another server, or altered; {renew}.", Empty),
            SecurityTokenInvalidIssuerException e => IssuerProblem(NonEmpty(e.InvalidIssuer) ?? Claim(token, "iss"), settings, renew),
            SecurityTokenInvalidAudienceException e => AudienceProblem(NonEmpty(e.InvalidAudience) ?? Claim(token, "aud"), settings, renew),
            SecurityTokenNoExpirationException => new(Malformed, $"The token has no expiry (exp claim); tokens without one are refused; {renew}.", Empty),
            AuthenticationFailureException e => new(Malformed, $"{e.Message} {Capitalize(renew)}.", Empty),
            _ => new(Malformed, $"The bearer token is not a valid JWT (three base64url parts: header, claims and signature, separated by dots); {renew}.", Empty),
        };
    }

    private static TokenProblem IssuerProblem(string issuer, TokenSettings settings, string renew) => new(IssuerInvalid,
        $"The token was issued by \"{issuer}\"; this server accepts tokens issued by \"{settings.Issuer}\" (Authentication:Issuer); {renew}.",
        new Dictionary<string, string> { ["issuer"] = issuer, ["expected_issuer"] = settings.Issuer });

    private static TokenProblem AudienceProblem(string audience, TokenSettings settings, string renew) => new(AudienceInvalid,
        $"The token is meant for \"{audience}\"; this server accepts tokens for \"{settings.Audience}\" (Authentication:Audience); {renew}.",
        new Dictionary<string, string> { ["audience"] = audience, ["expected_audience"] = settings.Audience });

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A claim of a token that failed validation (read, not trusted: it only goes into the message), or "".</summary>
    private static string Claim(string? token, string name)
    {
        try
        {
            return token is null ? "" : string.Join(" ", new JsonWebToken(token).Claims.Where(c => c.Type == name).Select(c => c.Value));
        }
        catch (ArgumentException)
        {
            return "";
        }
    }

    private static TokenProblem ExpiredProblem(DateTimeOffset expires, DateTimeOffset now, TokenSettings settings, string renew) => new(Expired,
        string.Create(CultureInfo.InvariantCulture,
            $"The token expired at {When(expires, now)}, {Ago(now - expires)} (this server allows {Duration(settings.ClockSkew)} of clock skew, Authentication:ClockSkew); {renew}."),
        new Dictionary<string, string> { ["expires_at"] = expires.ToString("O", CultureInfo.InvariantCulture) });

    private static TokenProblem NotYetValidProblem(DateTimeOffset notBefore, DateTimeOffset now, TokenSettings settings) => new(NotYetValid,
        string.Create(CultureInfo.InvariantCulture,
            $"The token is not valid before {When(notBefore, now)}, {In(notBefore - now)}: the clocks of its issuer and this server differ by more than the {Duration(settings.ClockSkew)} allowed (Authentication:ClockSkew); synchronize them (NTP)."),
        new Dictionary<string, string> { ["not_before"] = notBefore.ToString("O", CultureInfo.InvariantCulture) });

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>Where a caller gets a good token: the server's token command, or the identity provider.</summary>
    private static string RenewHint(TokenSettings settings) => string.IsNullOrEmpty(settings.SigningKey)
        ? $"get a new one from the identity provider ({settings.Authority})"
        : "mint a new one with `dotnet run --project src/BulkInvite.Server -- token --org ORG --permission PERMISSION` on the server";

    private static string KeySource(TokenSettings settings) => string.IsNullOrEmpty(settings.SigningKey)
        ? $"the keys of the identity provider ({settings.Authority})"
        : "this server's signing key (Authentication:SigningKey)";

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string When(DateTimeOffset time, DateTimeOffset now) =>
        time.UtcDateTime.Date == now.UtcDateTime.Date
            ? time.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Ago(TimeSpan elapsed) => elapsed <= TimeSpan.Zero ? "just now" : Duration(elapsed) + " ago";

    private static string In(TimeSpan remaining) => remaining <= TimeSpan.Zero ? "now" : "in " + Duration(remaining);

    /// <summary>"1 second", "21 seconds", "3 minutes", "2 hours", "5 days": the largest whole unit.</summary>
    internal static string Duration(TimeSpan span)
    {
        static string Count(double value, string unit)
        {
            var whole = (long)Math.Floor(value);
            return string.Create(CultureInfo.InvariantCulture, $"{whole} {unit}{(whole == 1 ? "" : "s")}");
        }

        return span.Duration() switch
        {
            var d when d >= TimeSpan.FromDays(1) => Count(d.TotalDays, "day"),
            var d when d >= TimeSpan.FromHours(1) => Count(d.TotalHours, "hour"),
            var d when d >= TimeSpan.FromMinutes(1) => Count(d.TotalMinutes, "minute"),
            var d => Count(d.TotalSeconds, "second"),
        };
    }
}
