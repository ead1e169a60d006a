using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Access;

/// <summary>The caller as people see it (GetCaller): names, and what it may grant (ListPermissions).</summary>
public sealed record CallerProfile(Caller Caller, string OrganizationDisplayName, IReadOnlyList<PermissionGrant> Permissions)
{
    /// <summary>
    /// The caller's profile: an inviter grants only the permissions it holds (an admin holds them
    /// all); a caller that cannot invite grants none. The same rules as <see cref="AccessRules.RequireGrantable"/>.
    /// </summary>
    public static CallerProfile For(Caller caller, PermissionCatalog catalog, BulkInviteOptions options)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var permissions = catalog.All.Select(p => new PermissionGrant(p, caller.CanInvite && caller.Holds(p.Id), NotGrantableReason(caller, p))).ToList();
        return new CallerProfile(caller, options.OrganizationDisplayName(caller), permissions);
    }

    public IEnumerable<string> GrantableIds => Permissions.Where(p => p.Grantable).Select(p => p.Permission.Id);

    private static string NotGrantableReason(Caller caller, PermissionDefinition permission) =>
        !caller.CanInvite ? $"You cannot invite users to {caller.OrganizationId}: that needs {Caller.Inviter} or {Caller.Admin}."
        : !caller.Holds(permission.Id) ? $"You do not hold {permission.Id} in {caller.OrganizationId}, and you can grant only permissions you hold."
        : "";
}
