using System.Security.Claims;
using BulkInvite.Core.Access;
using Grpc.Core;

namespace BulkInvite.Server.Security;

/// <summary>The token's claims as the import flow sees them.</summary>
public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Organization = "org";
    public const string Permissions = "permissions";
    public const string Name = "name";
    public const string OrganizationName = "org_name";

    /// <summary>The authenticated caller of a gRPC call (the endpoint requires authentication, so there is one).</summary>
    public static Caller GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FromPrincipal(context.GetHttpContext().User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The token has no sub or org claim."));
    }

    /// <summary>
    /// The caller, or null when a claim is missing. permissions may be a JSON array (one claim per
    /// item) or a space-separated string, as OAuth scopes are.
    /// </summary>
    public static Caller? FromPrincipal(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirst(Subject)?.Value;
        var organization = user.FindFirst(Organization)?.Value;
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(organization))
        {
            return null;
        }

        var permissions = user.FindAll(Permissions)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, organization, permissions)
        {
            Name = user.FindFirst(Name)?.Value,
            OrganizationName = user.FindFirst(OrganizationName)?.Value,
        };
    }
}
