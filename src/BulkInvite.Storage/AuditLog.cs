using System.Data;
using BulkInvite.Core.Auditing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>The audit trail. Entries are inserted by the transactions that make the changes.</summary>
internal sealed class AuditLog(StoreDialect dialect) : Repository(dialect), IAuditLog
{
    private const string Insert =
        "INSERT INTO audit_events (time, organization_id, actor, action, import_id, file_name, permissions, total_rows, valid_rows, " +
        "invalid_rows, invited_count, skipped_count, invitation_id, row_numbers) VALUES (@Time, @OrganizationId, @Actor, @Action, @ImportId, @FileName, " +
        "@Permissions, @TotalRows, @ValidRows, @InvalidRows, @InvitedCount, @SkippedCount, @InvitationId, @RowNumbers)";

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string organizationId, AuditCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT {AuditRow.Columns} FROM audit_events WHERE organization_id = @organizationId AND event_id < @afterId ORDER BY event_id DESC LIMIT @limit",
            new { organizationId, afterId = after?.EventId ?? long.MaxValue, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    internal static void Record(IDbConnection connection, IDbTransaction transaction, AuditEvent audit) =>
        connection.Execute(Insert, AuditRow.Parameters(audit), transaction);

    internal static Task RecordAsync(IDbConnection connection, IDbTransaction transaction, AuditEvent audit, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Insert, AuditRow.Parameters(audit), transaction, cancellationToken: cancellationToken));
}
