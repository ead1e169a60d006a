using BulkInvite.Core.Auditing;

namespace BulkInvite.Core.Invitations;

/// <summary>A revoke or resend in progress; disposing it without completing rolls back.</summary>
public interface IInvitationTransaction : IDisposable
{
    /// <summary>The invitation as read inside the transaction; null when it does not exist.</summary>
    InvitationRecord? Invitation { get; }

    /// <summary>Whether another invitation of the same address in the organization is pending and unexpired.</summary>
    bool AddressHasOtherPendingInvitation(DateTimeOffset now);

    /// <summary>Marks the invitation revoked, cancels its email if it is not sent yet, records the audit entry, and commits.</summary>
    InvitationRecord Revoke(DateTimeOffset now, AuditEvent audit);

    /// <summary>
    /// Retires the invitation's tokens (kept only to say they were replaced), makes it pending until
    /// the new expiry, puts a new queued email in the invitation's row in place of its latest (an
    /// earlier one not sent yet is not sent; the new one's token is made when it is sent), keeps
    /// <paramref name="requestId"/> as its latest resend's (null for none), records the audit entry,
    /// and commits.
    /// </summary>
    InvitationRecord Resend(DateTimeOffset now, DateTimeOffset expireTime, string? requestId, AuditEvent audit);
}
