using BulkInvite.Core.Auditing;

namespace BulkInvite.Core.Invitations;

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
