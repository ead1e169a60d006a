using System.Globalization;
using BulkInvite.Client;
using BulkInvite.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Cli.Commands;

/// <summary>
/// Refuses, before anything is uploaded or applied, what the server would refuse after the check:
/// a permission it does not know (INVALID_ARGUMENT), and, from the token's own claims, an
/// organization other than the token's, a token that cannot invite, or a permission the inviter
/// does not hold (PERMISSION_DENIED: an inviter grants only permissions they hold; organization.admin
/// holds them all). The same errors, details and exit codes as the server's; the server still decides.
/// Returns the privileged permissions among those requested (ListPermissions' Permission.privileged),
/// which applying asks about in words.
/// </summary>
internal static class PermissionPreCheck
{
    public static async Task<IReadOnlyList<Permission>> RunAsync(Session session, string organization, IReadOnlyList<string> permissions, string nothingDone, CancellationToken cancellationToken)
    {
        var catalog = await session.Client.ListPermissionsAsync(cancellationToken);
        RequireKnown(catalog, permissions, nothingDone);
        IReadOnlyList<Permission> privileged = [.. catalog.Where(p => p.Privileged && permissions.Contains(p.Id, StringComparer.Ordinal))];
        if (session.Claims is not { } claims)
        {
            return privileged; // not a JWT this tool reads: the server decides
        }

        if (claims.Organization is { } own && !string.Equals(own, organization, StringComparison.Ordinal))
        {
            throw Denied([], $"The token acts for \"{own}\", not \"{organization}\"; a token acts for one organization. {nothingDone}");
        }

        if (!claims.Holds(TokenClaims.Inviter))
        {
            throw Denied([TokenClaims.Inviter],
                $"Inviting users to {organization} needs the permission {TokenClaims.Inviter} (or {TokenClaims.Admin}), which the token does not hold. {nothingDone}");
        }

        var missing = permissions.Where(p => !claims.Holds(p)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw Denied(missing,
                $"You can grant only permissions you hold; the token does not hold {string.Join(", ", missing)} in {organization}. {nothingDone}");
        }

        return privileged;
    }

    private static void RequireKnown(IReadOnlyList<Permission> catalog, IReadOnlyList<string> permissions, string nothingDone)
    {
        var known = catalog.Select(p => p.Id).ToList();
        var unknown = permissions.Select((id, index) => (id, index)).Where(p => !known.Contains(p.id, StringComparer.Ordinal)).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"Unknown permission{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown.Select(p => p.id))}. {nothingDone} The permissions are: {string.Join(", ", known)}.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations =
                    {
                        unknown.Select(p => new BadRequest.Types.FieldViolation
                        {
                            Field = string.Create(CultureInfo.InvariantCulture, $"permissions[{p.index}]"),
                            Description = $"\"{p.id}\" is not a permission (see: bulkinvite permissions).",
                        }),
                    },
                }),
            },
        };
        throw BulkInviteException.FromRpcException(status.ToRpcException());
    }

    /// <summary>PERMISSION_DENIED as the server words it: an ErrorInfo with the missing permissions.</summary>
    private static BulkInviteException Denied(List<string> missing, string message)
    {
        var errorInfo = new ErrorInfo { Domain = "bulkinvite.v1", Reason = "PERMISSION_DENIED" };
        if (missing.Count > 0)
        {
            errorInfo.Metadata["missing_permissions"] = string.Join(",", missing);
        }

        var status = new Google.Rpc.Status { Code = (int)Code.PermissionDenied, Message = message, Details = { Any.Pack(errorInfo) } };
        return BulkInviteException.FromRpcException(status.ToRpcException());
    }
}
