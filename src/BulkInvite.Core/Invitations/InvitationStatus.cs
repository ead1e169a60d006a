namespace BulkInvite.Core.Invitations;

/// <summary>Where an invitation is in its lifecycle; the numbers are those of <c>bulkinvite.v1.InvitationStatus</c>.</summary>
public enum InvitationStatus
{
    Unspecified = 0,
    Pending = 1,
    Accepted = 2,
    Revoked = 3,
    Expired = 4,
}
