namespace BulkInvite.Core.Importing;

/// <summary>
/// An apply would grant privileged permissions (<see cref="PermissionDefinition.Privileged"/>) to a
/// whole batch without confirm_privileged_permissions (FAILED_PRECONDITION,
/// PRIVILEGED_PERMISSIONS_NOT_CONFIRMED).
/// </summary>
/// <param name="permissions">The privileged permissions requested, sorted, with their catalog descriptions.</param>
public sealed class PrivilegedPermissionsNotConfirmedException(string importId, IReadOnlyList<PermissionDefinition> permissions, string message)
    : BulkInviteException(message)
{
    public string ImportId { get; } = importId;
    public IReadOnlyList<PermissionDefinition> Permissions { get; } = permissions;
}
