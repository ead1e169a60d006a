using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>The invitation is not in a state that allows the operation (FAILED_PRECONDITION).</summary>
/// <param name="reason">The unmet condition, such as <see cref="ErrorReason.InvitationExpired"/>.</param>
public sealed class InvitationStateException(long invitationId, ErrorReason reason, string message)
    : BulkInviteException(message)
{
    public long InvitationId { get; } = invitationId;
    public ErrorReason Reason { get; } = reason;
}
