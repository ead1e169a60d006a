using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Access;

/// <summary>Whether a caller may grant one permission of the catalog, and why not.</summary>
public sealed record PermissionGrant(PermissionDefinition Permission, bool Grantable, string NotGrantableReason);
