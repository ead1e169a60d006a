using BulkInvite.Core.Access;

namespace BulkInvite.Core.Invitations;

/// <summary>Another organization's invitations do not exist for the caller (NOT_FOUND, never revealed).</summary>
public static class InvitationAccess
{
    public static InvitationRecord VisibleTo(this InvitationRecord? invitation, Caller caller, string invitationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return invitation is not null && invitation.OrganizationId == caller.OrganizationId
            ? invitation
            : throw InvitationNotFoundException.ForId(invitationId);
    }
}
