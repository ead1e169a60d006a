namespace BulkInvite.Core.Auditing;

/// <summary>Reads the audit trail; entries are written by the import transactions themselves.</summary>
public interface IAuditLog
{
    Task<IReadOnlyList<AuditEvent>> ListAsync(string organizationId, AuditCursor? after, int limit, CancellationToken cancellationToken);
}
