using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>No invitation with this id, or none for this token (NOT_FOUND).</summary>
/// <param name="invitationId">The id asked for; empty when the caller gave a token, which is never echoed.</param>
public sealed class InvitationNotFoundException(string invitationId, string message)
    : BulkInviteException(message)
{
    public string InvitationId { get; } = invitationId;

    public static InvitationNotFoundException ForId(string invitationId) => new(invitationId, $"Invitation \"{invitationId}\" was not found.");

    public static InvitationNotFoundException ForToken() =>
        new("", "No invitation has this token. Check that the whole link from the email was used.");
}
