using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>
/// The one place that decides whether an invitation token can be used, for AcceptInvitation and
/// LookupInvitation alike: an empty token is INVALID_ARGUMENT, one never issued NOT_FOUND, and one
/// whose invitation can no longer be accepted FAILED_PRECONDITION with the reason.
/// </summary>
public static class InvitationTokenRules
{
    public const int MaxTokenLength = 256;

    /// <summary>The hash invitations store of the token a caller sent, or the refusal of a token that cannot be one.</summary>
    public static string HashOfRequested(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidRequestException("token", "token is required: the token query parameter of the link in the invitation email.");
        }

        if (token.Length > MaxTokenLength)
        {
            throw InvitationNotFoundException.ForToken();
        }

        return AcceptToken.HashOf(token.Trim());
    }

    /// <summary>
    /// Why the token cannot be used now, or null when it can: no invitation has it, or the invitation
    /// was accepted, revoked, sent again with a new token, or has expired (checked in that order).
    /// </summary>
    /// <param name="stored">The invitation the token belongs to, as stored; null when none has it.</param>
    public static BulkInviteException? Refusal(InvitationRecord? stored, bool tokenReplaced, DateTimeOffset now)
    {
        if (stored is null)
        {
            return InvitationNotFoundException.ForToken();
        }

        var invitation = stored.AsOf(now);
        return invitation.Status switch
        {
            InvitationStatus.Accepted => Refused(invitation, ErrorReason.InvitationAlreadyAccepted, "This invitation was already accepted; a link works once."),
            InvitationStatus.Revoked => Refused(invitation, ErrorReason.InvitationRevoked, "This invitation was revoked by an administrator of the organization."),
            _ when tokenReplaced => Refused(invitation, ErrorReason.InvitationTokenReplaced,
                "This invitation was sent again with a new link; use the link in the newest email."),
            InvitationStatus.Expired => Refused(invitation, ErrorReason.InvitationExpired,
                "This invitation has expired. Ask an administrator of the organization to send it again."),
            _ => null,
        };
    }

    private static InvitationStateException Refused(InvitationRecord invitation, ErrorReason reason, string message) =>
        new(invitation.InvitationId, reason, message);
}
