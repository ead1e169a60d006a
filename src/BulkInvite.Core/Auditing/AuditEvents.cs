using BulkInvite.Core.Access;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Auditing;

/// <summary>Builds the audit entry for an import after an action, from the import's own state and counts.</summary>
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
}
