using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>Creates the invitations of one import and marks it applied, in one transaction.</summary>
internal sealed class SqliteApplyTransaction(SqliteConnection connection, string importId)
    : SqliteImportTransaction(connection, importId), IApplyTransaction
{
    public int InviteValidUsers(IReadOnlyList<string> permissions, DateTimeOffset now, DateTimeOffset expireTime) =>
        // Inserting in the order of the unique index's key keeps the index writes sequential;
        // the partial unique index skips addresses that already have a pending invitation.
        Connection.Execute(
            "INSERT INTO invitations (organization_id, import_id, email, normalized_email, first_name, last_name, description, " +
            "permissions, status, create_time, expire_time) " +
            "SELECT m.organization_id, s.import_id, s.email, s.normalized_email, s.first_name, s.last_name, s.description, " +
            "@permissions, 'pending', @now, @expireTime " +
            "FROM staged_users s JOIN imports m ON m.import_id = s.import_id " +
            "WHERE s.import_id = @ImportId AND s.is_valid = 1 " +
            "ORDER BY m.organization_id, s.normalized_email " +
            "ON CONFLICT DO NOTHING",
            new
            {
                ImportId,
                permissions = ImportRow.Json(permissions),
                now = now.ToUnixTimeMilliseconds(),
                expireTime = expireTime.ToUnixTimeMilliseconds(),
            },
            Transaction);

    public ImportRecord Complete(ImportRecord applied, AuditEvent audit)
    {
        Connection.Execute(
            "UPDATE imports SET state = @State, invited_count = @InvitedCount, skipped_count = @SkippedCount, permissions = @Permissions, " +
            "apply_request_id = @ApplyRequestId, update_time = @UpdateTime WHERE import_id = @ImportId",
            ImportRow.Parameters(applied),
            Transaction);
        return Commit(_ => audit);
    }
}
