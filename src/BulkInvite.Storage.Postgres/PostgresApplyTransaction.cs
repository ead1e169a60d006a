using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;
using Npgsql;

namespace BulkInvite.Storage.Postgres;

/// <summary>Creates the invitations of one import and marks it applied, in one transaction.</summary>
internal sealed class PostgresApplyTransaction(NpgsqlConnection connection, string importId)
    : PostgresImportTransaction(connection, importId), IApplyTransaction
{
    public int InviteValidUsers(IReadOnlyList<string> permissions, string inviter, DateTimeOffset now, DateTimeOffset expireTime)
    {
        var organizationId = OrganizationId;
        // An expired invitation stored as pending would otherwise hold the partial unique index.
        InvitationWrites.MarkExpired(Connection, Transaction, organizationId, now, commandTimeout: Unlimited);
        // One statement invites and queues the emails (each token is made when its email is sent).
        // Another import applied at the same moment, on this server or another, may insert the same
        // addresses: the partial unique index makes one of the two inserts wait for the other's
        // commit and then skip the address (ON CONFLICT … DO NOTHING). Inserting in the index's key
        // order means two such applies take their index entries in one order, so neither can wait
        // for the other in a cycle.
        return Connection.ExecuteScalar<int>(
            "WITH invited AS (" +
            "INSERT INTO invitations (organization_id, import_id, email, normalized_email, first_name, last_name, description, " +
            "permissions, status, inviter, create_time, expire_time, update_time) " +
            "SELECT @organizationId, s.import_id, s.email, s.normalized_email, s.first_name, s.last_name, s.description, " +
            "@permissions, 'pending', @inviter, @now, @expireTime, @now " +
            "FROM staged_users s " +
            "WHERE s.import_id = @ImportId AND s.is_valid " +
            "AND NOT EXISTS (SELECT 1 FROM members b WHERE b.organization_id = @organizationId AND b.normalized_email = s.normalized_email) " +
            "ORDER BY s.normalized_email " +
            "ON CONFLICT (organization_id, normalized_email) WHERE status = 'pending' DO NOTHING " +
            "RETURNING invitation_id), " +
            "queued AS (" +
            "INSERT INTO invitation_outbox (invitation_id, state, create_time, next_attempt_time) " +
            "SELECT invitation_id, 'queued', @now, @now FROM invited ORDER BY invitation_id RETURNING 1) " +
            "SELECT COUNT(*)::integer FROM queued",
            new
            {
                ImportId,
                organizationId,
                permissions = ImportRow.Json(permissions),
                now = now.ToUnixTimeMilliseconds(),
                expireTime = expireTime.ToUnixTimeMilliseconds(),
                inviter,
            },
            Transaction,
            Unlimited);
    }

    public ImportRecord Complete(ImportRecord applied, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(applied);
        Connection.Execute(
            "UPDATE imports SET state = @State, invited_count = @InvitedCount, skipped_count = @SkippedCount, permissions = @Permissions, " +
            "apply_request_id = @ApplyRequestId, update_time = @UpdateTime WHERE import_id = @ImportId",
            ImportRow.Parameters(applied),
            Transaction,
            Unlimited);
        return Commit(_ => audit);
    }
}
