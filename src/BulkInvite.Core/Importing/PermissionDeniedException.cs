namespace BulkInvite.Core.Importing;

/// <summary>The caller is authenticated but may not do this (PERMISSION_DENIED).</summary>
/// <param name="missingPermissions">The permissions the caller would need and lacks; empty when the problem is not one of permissions.</param>
public sealed class PermissionDeniedException(IReadOnlyList<string> missingPermissions, string message)
    : BulkInviteException(message)
{
    public IReadOnlyList<string> MissingPermissions { get; } = missingPermissions;
}
