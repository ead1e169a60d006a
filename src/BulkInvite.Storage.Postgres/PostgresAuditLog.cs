using System.Data;
using System.Text.Json;
using BulkInvite.Core.Auditing;
using Dapper;

namespace BulkInvite.Storage.Postgres;

/// <summary>The audit trail in PostgreSQL. Entries are inserted by the transactions that make the changes.</summary>
public sealed class PostgresAuditLog(PostgresDatabase database) : IAuditLog
{
    private const string Columns =
        "time, organization_id, actor, action, import_id, file_name, permissions, total_rows, valid_rows, invalid_rows, invited_count, skipped_count, " +
        "invitation_id";

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string organizationId, AuditCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT event_id, {Columns} FROM audit_events WHERE organization_id = @organizationId AND event_id < @afterId ORDER BY event_id DESC LIMIT @limit",
            new { organizationId, afterId = after?.EventId ?? long.MaxValue, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    internal static void Insert(IDbConnection connection, IDbTransaction transaction, AuditEvent audit) =>
        connection.Execute(
            $"INSERT INTO audit_events ({Columns}) VALUES (@Time, @OrganizationId, @Actor, @Action, @ImportId, @FileName, @Permissions, " +
            "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @InvitationId)",
            Parameters(audit),
            transaction);

    internal static Task InsertAsync(IDbConnection connection, IDbTransaction transaction, AuditEvent audit, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO audit_events ({Columns}) VALUES (@Time, @OrganizationId, @Actor, @Action, @ImportId, @FileName, @Permissions, " +
            "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @InvitationId)",
            Parameters(audit),
            transaction,
            cancellationToken: cancellationToken));

    private static object Parameters(AuditEvent audit) => new
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
    };

    private sealed class Row
    {
        public long EventId { get; set; }
        public long Time { get; set; }
        public string OrganizationId { get; set; } = "";
        public string Actor { get; set; } = "";
        public int Action { get; set; }
        public string ImportId { get; set; } = "";
        public string FileName { get; set; } = "";
        public string Permissions { get; set; } = "[]";
        public int TotalRows { get; set; }
        public int ValidRows { get; set; }
        public int InvalidRows { get; set; }
        public int InvitedCount { get; set; }
        public int SkippedCount { get; set; }
        public string InvitationId { get; set; } = "";

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
            TotalRows = TotalRows,
            ValidRows = ValidRows,
            InvalidRows = InvalidRows,
            InvitedCount = InvitedCount,
            SkippedCount = SkippedCount,
            InvitationId = InvitationId,
        };
    }
}
