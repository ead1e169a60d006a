using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>
/// AcceptInvitation: the token from the email, and nothing else, makes its holder a member with the
/// invitation's permissions, once. Whether the token can be used is <see cref="InvitationTokenRules"/>'s call.
/// </summary>
public sealed class InvitationAcceptor(IInvitationRepository invitations, TimeProvider clock)
{
    /// <summary>The actor the audit trail records for an accepted invitation: whoever held the token.</summary>
    public const string Invitee = "invitee";

    public Task<(MemberRecord Member, InvitationRecord Invitation)> AcceptAsync(string token, CancellationToken cancellationToken)
    {
        var tokenHash = InvitationTokenRules.HashOfRequested(token);
        return Task.Run(() => Accept(tokenHash), cancellationToken);
    }

    private (MemberRecord Member, InvitationRecord Invitation) Accept(string tokenHash)
    {
        using var transaction = invitations.BeginAccept(tokenHash);
        var now = clock.Now();
        if (InvitationTokenRules.Refusal(transaction.Invitation, transaction.TokenReplaced, now) is { } refusal)
        {
            // An expiry found here is stored, so lists and later calls agree without comparing times.
            if (refusal is InvitationStateException { Reason: ErrorReason.InvitationExpired } && transaction.Invitation!.Status == InvitationStatus.Pending)
            {
                transaction.MarkExpired(now);
            }

            throw refusal;
        }

        var invitation = transaction.Invitation!;
        return transaction.Accept(now, AuditEvents.For(invitation, Invitee, AuditAction.InvitationAccepted, now));
    }
}
