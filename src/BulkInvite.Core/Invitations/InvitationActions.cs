using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>RevokeInvitation and ResendInvitation: an inviter of the organization changes one invitation, audited.</summary>
public sealed class InvitationActions(IInvitationRepository invitations, OutboxSignal signal, BulkInviteOptions options, TimeProvider clock)
{
    public Task<InvitationRecord> RevokeAsync(Caller caller, string invitationId, CancellationToken cancellationToken)
    {
        AccessRules.RequireInviter(caller);
        var id = InvitationIds.Parse(invitationId);
        return Task.Run(() => Revoke(caller, id, invitationId), cancellationToken);
    }

    /// <param name="requestId">The client's id of the call, reused on retries; null or empty for none.</param>
    public async Task<InvitationRecord> ResendAsync(Caller caller, string invitationId, string? requestId, CancellationToken cancellationToken)
    {
        AccessRules.RequireInviter(caller);
        var id = InvitationIds.Parse(invitationId);
        if (requestId?.Length > ApplyRequest.MaxRequestIdLength)
        {
            throw new InvalidRequestException("request_id", $"request_id must be at most {ApplyRequest.MaxRequestIdLength} characters.");
        }

        requestId = string.IsNullOrEmpty(requestId) ? null : requestId;
        var resent = await Task.Run(() => Resend(caller, id, invitationId, requestId), cancellationToken);
        signal.Notify();
        return resent;
    }

    private InvitationRecord Revoke(Caller caller, long id, string invitationId)
    {
        using var transaction = invitations.BeginChange(id);
        var now = clock.Now();
        var invitation = transaction.Invitation.VisibleTo(caller, invitationId).AsOf(now);
        return invitation.Status switch
        {
            InvitationStatus.Revoked => invitation,
            InvitationStatus.Accepted => throw AlreadyAccepted(invitation, "revoked"),
            _ => transaction.Revoke(now, AuditEvents.For(invitation, caller.Subject, AuditAction.InvitationRevoked, now)).AsOf(now),
        };
    }

    private InvitationRecord Resend(Caller caller, long id, string invitationId, string? requestId)
    {
        using var transaction = invitations.BeginChange(id);
        var now = clock.Now();
        var invitation = transaction.Invitation.VisibleTo(caller, invitationId).AsOf(now);
        if (requestId is not null && requestId == invitation.LastResendRequestId)
        {
            return invitation; // a retry of the latest resend: no new token, no new email
        }

        switch (invitation.Status)
        {
            case InvitationStatus.Accepted:
                throw AlreadyAccepted(invitation, "resent");
            case InvitationStatus.Revoked:
                throw new InvitationStateException(invitation.InvitationId, ErrorReason.InvitationRevoked,
                    "The invitation was revoked, so it cannot be resent. Invite the address again with a new import.");
            case InvitationStatus.Expired when transaction.AddressHasOtherPendingInvitation(now):
                throw new InvitationStateException(invitation.InvitationId, ErrorReason.InvitationAddressInvitedAgain,
                    "The address was invited again since this invitation expired; resend the newer invitation instead.");
        }

        var audit = AuditEvents.For(invitation, caller.Subject, AuditAction.InvitationResent, now);
        // The batch's lifetime, which its apply chose; the configured one for invitations made before it was stored.
        var lifetime = invitation.Lifetime ?? options.InvitationLifetime;
        return transaction.Resend(now, now + lifetime, requestId, audit).AsOf(now);
    }

    private static InvitationStateException AlreadyAccepted(InvitationRecord invitation, string verb) =>
        new(invitation.InvitationId, ErrorReason.InvitationAlreadyAccepted,
            $"The invitation was already accepted, so it cannot be {verb}; the address is a member of {invitation.OrganizationId}.");
}
