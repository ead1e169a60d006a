namespace BulkInvite.Core.Auditing;

/// <summary>What happened to an import or an invitation; the numbers are those of <c>bulkinvite.v1.AuditAction</c>.</summary>
public enum AuditAction
{
    Unspecified = 0,
    Uploaded = 1,
    Checked = 2,
    Rejected = 3,
    Applied = 4,
    Deleted = 5,
    Purged = 6,
    InvitationRevoked = 7,
    InvitationResent = 8,
    InvitationAccepted = 9,
    RowsUpdated = 10,
    RowsRemoved = 11,
}
