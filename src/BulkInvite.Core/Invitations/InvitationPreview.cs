using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>What the holder of an invitation token sees before accepting it, and nothing more.</summary>
/// <param name="Permissions">The permissions the invitation grants with their catalog descriptions, sorted by id.</param>
/// <param name="PersonalMessage">The inviter's note from the apply; empty for none.</param>
public sealed record InvitationPreview(
    string OrganizationId,
    string OrganizationDisplayName,
    string InviterDisplayName,
    string Email,
    string FirstName,
    string LastName,
    IReadOnlyList<PermissionGranted> Permissions,
    DateTimeOffset ExpireTime,
    string PersonalMessage);
