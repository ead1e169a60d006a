using System.Data;
using BulkInvite.Core.Auditing;
using BulkInvite.Storage.Rows;
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
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT event_id, {Columns} FROM audit_events WHERE organization_id = @organizationId AND event_id < @afterId ORDER BY event_id DESC LIMIT @limit",
            new { organizationId, afterId = after?.EventId ?? long.MaxValue, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    internal static void Insert(IDbConnection connection, IDbTransaction transaction, AuditEvent audit) =>
        connection.Execute(
            $"INSERT INTO audit_events ({Columns}) VALUES (@Time, @OrganizationId, @Actor, @Action, @ImportId, @FileName, @Permissions, " +
            "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @InvitationId)",
            AuditRow.Parameters(audit),
            transaction);

    internal static Task InsertAsync(IDbConnection connection, IDbTransaction transaction, AuditEvent audit, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO audit_events ({Columns}) VALUES (@Time, @OrganizationId, @Actor, @Action, @ImportId, @FileName, @Permissions, " +
            "@TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @InvitationId)",
            AuditRow.Parameters(audit),
            transaction,
            cancellationToken: cancellationToken));
}
