using System.Text.Json;
using BulkInvite.Core.Auditing;

namespace BulkInvite.Storage.Rows;

/// <summary>The columns of the audit_events table, as Dapper reads them.</summary>
internal sealed class AuditRow
{
    public const string Columns =
        "event_id, time, organization_id, actor, action, import_id, file_name, permissions, total_rows, valid_rows, invalid_rows, " +
        "invited_count, skipped_count, invitation_id, row_numbers";

    public long EventId { get; set; }
    public long Time { get; set; }
    public string OrganizationId { get; set; } = "";
    public string Actor { get; set; } = "";
    public long Action { get; set; }
    public string ImportId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Permissions { get; set; } = "[]";
    public long TotalRows { get; set; }
    public long ValidRows { get; set; }
    public long InvalidRows { get; set; }
    public long InvitedCount { get; set; }
    public long SkippedCount { get; set; }
    public string InvitationId { get; set; } = "";
    public string RowNumbers { get; set; } = "[]";

    /// <summary>The parameters of an audit_events insert, named as the columns.</summary>
    public static object Parameters(AuditEvent audit) => new
    {
        Time = audit.Time.ToUnixTimeMilliseconds(),
        audit.OrganizationId,
        audit.Actor,
        Action = (int)audit.Action,
        audit.ImportId,
        audit.FileName,
        Permissions = JsonSerializer.Serialize(audit.Permissions),
        audit.TotalRows,
        audit.ValidRows,
        audit.InvalidRows,
        audit.InvitedCount,
        audit.SkippedCount,
        audit.InvitationId,
        RowNumbers = JsonSerializer.Serialize(audit.RowNumbers),
    };

    public AuditEvent ToEvent() => new()
    {
        EventId = EventId,
        Time = DateTimeOffset.FromUnixTimeMilliseconds(Time),
        OrganizationId = OrganizationId,
        Actor = Actor,
        Action = (AuditAction)Action,
        ImportId = ImportId,
        FileName = FileName,
        Permissions = JsonSerializer.Deserialize<List<string>>(Permissions) ?? [],
        TotalRows = (int)TotalRows,
        ValidRows = (int)ValidRows,
        InvalidRows = (int)InvalidRows,
        InvitedCount = (int)InvitedCount,
        SkippedCount = (int)SkippedCount,
        InvitationId = InvitationId,
        RowNumbers = JsonSerializer.Deserialize<List<int>>(RowNumbers) ?? [],
    };
}
