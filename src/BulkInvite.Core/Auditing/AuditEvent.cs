namespace BulkInvite.Core.Auditing;

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
