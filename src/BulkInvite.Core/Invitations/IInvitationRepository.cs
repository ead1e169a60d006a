using BulkInvite.Core.Auditing;

namespace BulkInvite.Core.Invitations;

/// <summary>Which invitations of an organization to list.</summary>
/// <param name="Status">Unspecified for every status; otherwise the status as of the listing's time.</param>
/// <param name="ImportId">Only the invitations of this import, or null for all.</param>
public sealed record InvitationFilter(string OrganizationId, InvitationStatus Status, string? ImportId);

/// <summary>Invitations, their tokens and the members they make. Invitations are created by the apply transaction.</summary>
public interface IInvitationRepository
{
    Task<InvitationRecord?> FindAsync(long invitationId, CancellationToken cancellationToken);

    /// <summary>Invitations newest first with ids below <paramref name="beforeId"/>; statuses are compared as of <paramref name="now"/>.</summary>
    Task<IReadOnlyList<InvitationRecord>> ListAsync(InvitationFilter filter, DateTimeOffset now, long? beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>An organization's members by normalized address, after the given one.</summary>
    Task<IReadOnlyList<MemberRecord>> ListMembersAsync(string organizationId, string? afterNormalizedEmail, int limit, CancellationToken cancellationToken);

    /// <summary>Starts the write transaction that revokes or resends one invitation; it waits for other writers.</summary>
    IInvitationTransaction BeginChange(long invitationId);

    /// <summary>Starts the write transaction that accepts the invitation holding the token with this hash.</summary>
    IAcceptTransaction BeginAccept(string tokenHash);

    /// <summary>The invitation holding the token with this hash, read without a lock, or null when none does.</summary>
    Task<TokenHolder?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken);
}

/// <summary>The invitation a token belongs to, and whether a resend replaced the token since.</summary>
public sealed record TokenHolder(InvitationRecord Invitation, bool TokenReplaced);

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

/// <summary>An accept in progress, found by token; disposing it without completing rolls back.</summary>
public interface IAcceptTransaction : IDisposable
{
    /// <summary>The invitation the token belongs to, or null when no invitation has it.</summary>
    InvitationRecord? Invitation { get; }

    /// <summary>Whether the token was replaced by a newer one when the invitation was resent.</summary>
    bool TokenReplaced { get; }

    /// <summary>Stores that the invitation expired, and commits.</summary>
    void MarkExpired(DateTimeOffset now);

    /// <summary>
    /// Makes the address a member with the invitation's permissions (an existing membership is kept
    /// as it is), marks the invitation accepted, records the audit entry, and commits.
    /// </summary>
    (MemberRecord Member, InvitationRecord Invitation) Accept(DateTimeOffset now, AuditEvent audit);
}
