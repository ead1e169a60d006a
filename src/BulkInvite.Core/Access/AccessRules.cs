using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Access;

/// <summary>
/// Who may do what. The organization comes from the caller's token, never from the request;
/// another organization's imports do not exist for the caller (NOT_FOUND, never revealed).
/// </summary>
public static class AccessRules
{
    /// <summary>Uploading, checking, applying, reading and deleting imports need members.invite (or organization.admin).</summary>
    public static void RequireInviter(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Holds(Caller.Inviter))
        {
            throw new PermissionDeniedException([Caller.Inviter],
                $"Inviting users to {caller.OrganizationId} needs the permission {Caller.Inviter} (or {Caller.Admin}).");
        }
    }

    /// <summary>Reading the audit trail needs organization.admin.</summary>
    public static void RequireAdmin(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Permissions.Contains(Caller.Admin))
        {
            throw new PermissionDeniedException([Caller.Admin], $"This needs the permission {Caller.Admin} in {caller.OrganizationId}.");
        }
    }

    /// <summary>A request naming an organization must name the caller's own.</summary>
    public static void RequireOwnOrganization(Caller caller, string organizationId, string field)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!string.Equals(caller.OrganizationId, organizationId, StringComparison.Ordinal))
        {
            throw new PermissionDeniedException([],
                $"{field} is \"{organizationId}\" but the caller's token is for \"{caller.OrganizationId}\"; a token acts for one organization.");
        }
    }

    /// <summary>An inviter can grant only permissions they hold themselves.</summary>
    public static void RequireGrantable(Caller caller, IReadOnlyList<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var missing = permissions.Where(p => !caller.Holds(p)).ToList();
        if (missing.Count > 0)
        {
            throw new PermissionDeniedException(missing,
                $"You can grant only permissions you hold; you do not hold {string.Join(", ", missing)} in {caller.OrganizationId}.");
        }
    }

    /// <summary>The import, if it belongs to the caller's organization; otherwise it does not exist for them.</summary>
    public static ImportRecord VisibleTo(this ImportRecord? import, Caller caller, string importId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return import is not null && import.OrganizationId == caller.OrganizationId
            ? import
            : throw new ImportNotFoundException(importId);
    }
}
