using BulkInvite.Core.Access;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Core.Auditing;

/// <summary>Builds the audit entry for an import or an invitation after an action, from its own state.</summary>
public static class AuditEvents
{
    public static AuditEvent For(ImportRecord import, Caller caller, AuditAction action, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(caller);
        return new AuditEvent
        {
            Time = time,
            OrganizationId = import.OrganizationId,
            Actor = caller.Subject,
            Action = action,
            ImportId = import.ImportId,
            FileName = import.FileName,
            Permissions = import.Permissions,
            TotalRows = import.TotalRows,
            ValidRows = import.ValidRows,
            InvalidRows = import.InvalidRows,
            InvitedCount = import.InvitedCount,
            SkippedCount = import.SkippedCount,
        };
    }

    public static AuditEvent For(InvitationRecord invitation, string actor, AuditAction action, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return new AuditEvent
        {
            Time = time,
            OrganizationId = invitation.OrganizationId,
            Actor = actor,
            Action = action,
            ImportId = invitation.ImportId,
            InvitationId = InvitationIds.Format(invitation.InvitationId),
            Permissions = invitation.Permissions,
        };
    }
}
