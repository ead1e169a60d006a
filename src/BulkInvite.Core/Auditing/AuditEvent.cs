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

/// <summary>
/// One entry of the audit trail: who did what to which import, when, with which permissions and
/// counts. Written in the same transaction as the change it records.
/// </summary>
public sealed record AuditEvent
{
    public long EventId { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required string OrganizationId { get; init; }

    /// <summary>The token subject of the caller, "system" for the retention purge, or "invitee" for an accepted invitation.</summary>
    public required string Actor { get; init; }

    public required AuditAction Action { get; init; }
    public required string ImportId { get; init; }
    public string FileName { get; init; } = "";
    public IReadOnlyList<string> Permissions { get; init; } = [];
    public int TotalRows { get; init; }
    public int ValidRows { get; init; }
    public int InvalidRows { get; init; }
    public int InvitedCount { get; init; }
    public int SkippedCount { get; init; }

    /// <summary>For the invitation actions: the invitation (ImportId is then the import that created it); empty otherwise.</summary>
    public string InvitationId { get; init; } = "";

    /// <summary>For RowsUpdated and RowsRemoved: the rows changed, in order (never their values).</summary>
    public IReadOnlyList<int> RowNumbers { get; init; } = [];
}

/// <summary>Where a page of audit events ended: newest first, by id.</summary>
public sealed record AuditCursor(long EventId);

/// <summary>Reads the audit trail; entries are written by the import transactions themselves.</summary>
public interface IAuditLog
{
    Task<IReadOnlyList<AuditEvent>> ListAsync(string organizationId, AuditCursor? after, int limit, CancellationToken cancellationToken);
}
