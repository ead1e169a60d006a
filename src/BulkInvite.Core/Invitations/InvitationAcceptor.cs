using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>
/// AcceptInvitation: the token from the email, and nothing else, makes its holder a member with the
/// invitation's permissions, once.
/// </summary>
public sealed class InvitationAcceptor(IInvitationRepository invitations, TimeProvider clock)
{
    /// <summary>The actor the audit trail records for an accepted invitation: whoever held the token.</summary>
    public const string Invitee = "invitee";

    public const int MaxTokenLength = 256;

    public Task<(MemberRecord Member, InvitationRecord Invitation)> AcceptAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidRequestException("token", "token is required: the token query parameter of the link in the invitation email.");
        }

        if (token.Length > MaxTokenLength)
        {
            throw InvitationNotFoundException.ForToken();
        }

        return Task.Run(() => Accept(AcceptToken.HashOf(token.Trim())), cancellationToken);
    }

    private (MemberRecord Member, InvitationRecord Invitation) Accept(string tokenHash)
    {
        using var transaction = invitations.BeginAccept(tokenHash);
        var stored = transaction.Invitation ?? throw InvitationNotFoundException.ForToken();
        var now = clock.Now();
        var invitation = stored.AsOf(now);
        switch (invitation.Status)
        {
            case InvitationStatus.Accepted:
                throw Refused(invitation, ErrorReason.InvitationAlreadyAccepted, "This invitation was already accepted; a link works once.");
            case InvitationStatus.Revoked:
                throw Refused(invitation, ErrorReason.InvitationRevoked, "This invitation was revoked by an administrator of the organization.");
        }

        if (transaction.TokenReplaced)
        {
            throw Refused(invitation, ErrorReason.InvitationTokenReplaced,
                "This invitation was sent again with a new link; use the link in the newest email.");
        }

        if (invitation.Status == InvitationStatus.Expired)
        {
            if (stored.Status == InvitationStatus.Pending)
            {
                transaction.MarkExpired(now);
            }

            throw Refused(invitation, ErrorReason.InvitationExpired,
                "This invitation has expired. Ask an administrator of the organization to send it again.");
        }

        return transaction.Accept(now, AuditEvents.For(invitation, Invitee, AuditAction.InvitationAccepted, now));
    }

    private static InvitationStateException Refused(InvitationRecord invitation, ErrorReason reason, string message) =>
        new(invitation.InvitationId, reason, message);
}
