namespace BulkInvite.Core.Auditing;

/// <summary>Where a page of audit events ended: newest first, by id.</summary>
public sealed record AuditCursor(long EventId);
