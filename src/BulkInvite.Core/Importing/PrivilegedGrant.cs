using System.Globalization;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Granting a privileged permission (one that lets its holder administer the organization or invite
/// others) to a whole batch is easy to do by mistake and hard to undo, so it needs the caller's
/// explicit confirmation (ApplyPermissionsRequest.confirm_privileged_permissions).
/// </summary>
public static class PrivilegedGrant
{
    /// <summary>The privileged permissions among the granted ones, in the order given.</summary>
    public static IReadOnlyList<PermissionDefinition> Among(PermissionCatalog catalog, IReadOnlyList<string> granted)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return granted.Select(catalog.Find).OfType<PermissionDefinition>().Where(p => p.Privileged).ToList();
    }

    /// <summary>FAILED_PRECONDITION naming the privileged permissions granted, when there are any.</summary>
    /// <param name="people">How many people the batch may invite (its valid rows).</param>
    public static void RequireConfirmed(PermissionCatalog catalog, string importId, IReadOnlyList<string> granted, int people, string organizationDisplayName)
    {
        var privileged = Among(catalog, granted);
        if (privileged.Count == 0)
        {
            return;
        }

        var named = string.Join(" and ", privileged.Select(p => p.Id));
        var what = string.Join(" ", privileged.Select(p => $"{p.Id}: {p.Description}"));
        var message = string.Create(CultureInfo.InvariantCulture,
            $"This would grant {named} to every person the import invites to {organizationDisplayName} (up to {people}). {what} " +
            $"If every one of them should hold {(privileged.Count == 1 ? "it" : "them")}, apply again with confirm_privileged_permissions set to true.");
        throw new PrivilegedPermissionsNotConfirmedException(importId, privileged, message);
    }
}
