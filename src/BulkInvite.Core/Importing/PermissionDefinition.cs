using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Importing;

/// <summary>A permission that can be granted to a batch.</summary>
public sealed class PermissionDefinition
{
    public string Id { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>
    /// Lets its holder administer the organization or invite others: granting it to a whole batch
    /// needs an explicit confirmation (ApplyPermissions' confirm_privileged_permissions).
    /// </summary>
    public bool Privileged { get; set; }
}
