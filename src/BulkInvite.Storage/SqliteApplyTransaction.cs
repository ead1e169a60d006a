using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>Creates the invitations of one import and marks it applied, in one transaction.</summary>
internal sealed class SqliteApplyTransaction(SqliteConnection connection, string importId)
    : SqliteImportTransaction(connection, importId), IApplyTransaction
{
    public int InviteValidUsers(IReadOnlyList<string> permissions, string inviter, DateTimeOffset now, DateTimeOffset expireTime)
    {
        var organizationId = Import?.OrganizationId ?? throw new InvalidOperationException("The import does not exist.");
        // An expired invitation stored as pending would otherwise hold the partial unique index.
        InvitationWrites.MarkExpired(Connection, Transaction, organizationId, now);
        var lastBefore = Connection.ExecuteScalar<long>("SELECT COALESCE(MAX(invitation_id), 0) FROM invitations", transaction: Transaction);
        // Inserting in the order of the unique index's key keeps the index writes sequential;
        // the partial unique index skips addresses that already have a pending invitation.
        var invited = Connection.Execute(
            "INSERT INTO invitations (organization_id, import_id, email, normalized_email, first_name, last_name, description, " +
            "permissions, status, create_time, expire_time, inviter, update_time) " +
            "SELECT m.organization_id, s.import_id, s.email, s.normalized_email, s.first_name, s.last_name, s.description, " +
            "@permissions, 'pending', @now, @expireTime, @inviter, @now " +
            "FROM staged_users s JOIN imports m ON m.import_id = s.import_id " +
            "WHERE s.import_id = @ImportId AND s.is_valid = 1 " +
            "AND NOT EXISTS (SELECT 1 FROM members b WHERE b.organization_id = m.organization_id AND b.normalized_email = s.normalized_email) " +
            "ORDER BY m.organization_id, s.normalized_email " +
            "ON CONFLICT DO NOTHING",
            new
            {
                ImportId,
                permissions = ImportRow.Json(permissions),
                now = now.ToUnixTimeMilliseconds(),
                expireTime = expireTime.ToUnixTimeMilliseconds(),
                inviter,
            },
            Transaction);
        // One statement, however many invitations: each email's token is made when it is sent.
        InvitationWrites.QueueEmails(Connection, Transaction, ImportId, lastBefore, now);
        return invited;
    }

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
