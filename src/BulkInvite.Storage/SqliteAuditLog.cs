using System.Data;
using BulkInvite.Core.Auditing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>The audit trail in SQLite. Entries are inserted by the transactions that make the changes.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    private const string Columns =
        "event_id, time, organization_id, actor, action, import_id, file_name, permissions, total_rows, valid_rows, invalid_rows, invited_count, skipped_count, " +
        "invitation_id";

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string organizationId, AuditCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_events WHERE organization_id = @organizationId AND event_id < @afterId ORDER BY event_id DESC LIMIT @limit",
            new { organizationId, afterId = after?.EventId ?? long.MaxValue, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    internal static void Insert(IDbConnection connection, IDbTransaction transaction, AuditEvent audit) =>
        connection.Execute(
            $"INSERT INTO audit_events ({Columns}) VALUES (NULL, @Time, @OrganizationId, @Actor, @Action, @ImportId, @FileName, @Permissions, " +
            "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @InvitationId)",
            AuditRow.Parameters(audit),
            transaction);
}
