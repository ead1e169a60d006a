namespace BulkInvite.Core.Invitations;

/// <summary>A permission an invitation grants, with what it lets its holder do.</summary>
public sealed record PermissionGranted(string Id, string Description);
