using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Creates the invitations of one import and marks it applied, in one transaction.</summary>
internal sealed class ApplyTransaction(StoreDialect dialect, DbConnection connection, string importId)
    : ImportTransaction(dialect, connection, importId), IApplyTransaction
{
    public int InviteValidUsers(IReadOnlyList<string> permissions, string inviter, DateTimeOffset now, DateTimeOffset expireTime)
    {
        var organizationId = OrganizationId;
        // An expired invitation stored as pending would otherwise hold the partial unique index.
        InvitationWrites.MarkExpired(Dialect, Connection, Transaction, organizationId, now);
        // Each email's token is made when it is sent.
        return Dialect.InviteAndQueue(Connection, Transaction, new
        {
            ImportId,
            ImportKey,
            organizationId,
            permissions = ImportRow.Json(permissions),
            inviter,
            now = now.ToUnixTimeMilliseconds(),
            expireTime = expireTime.ToUnixTimeMilliseconds(),
        });
    }

    public ImportRecord Complete(ImportRecord applied, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(applied);
        Connection.Execute(
            "UPDATE imports SET state = @State, invited_count = @InvitedCount, skipped_count = @SkippedCount, permissions = @Permissions, " +
            "apply_request_id = @ApplyRequestId, update_time = @UpdateTime WHERE import_id = @ImportId",
            ImportRow.Parameters(applied),
            Transaction,
            Dialect.GrowingWorkTimeout);
        return Commit(_ => audit);
    }
}
