using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Creates the invitations of one import and marks it applied, in one transaction. The apply gets a
/// key of its own, which the ids of its invitations start with (<see cref="InvitationPerson"/>): an
/// invitation holds no copy of its row's values, and the import keeps who applied it, with which
/// permissions, and what the batch says (<see cref="InvitationBatch"/>: names, note, lifetime).
/// </summary>
internal sealed class ApplyTransaction(StoreDialect dialect, DbConnection connection, string importId)
    : ImportTransaction(dialect, connection, importId), IApplyTransaction
{
    private long? _applyKey;
    private InvitationBatch? _batch;
    private string? _permissions;

    public int InviteValidUsers(IReadOnlyList<string> permissions, InvitationBatch batch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var organizationId = OrganizationId;
        // An expired invitation stored as pending would otherwise hold the partial unique index.
        InvitationWrites.MarkExpired(Dialect, Connection, Transaction, organizationId, now);
        _applyKey = Dialect.NextImportKey(Connection, Transaction);
        _batch = batch;
        _permissions = ImportRow.Json(permissions); // what the invitations read as theirs
        // Each email's token is made when it is sent.
        return Dialect.InviteAndQueue(Connection, Transaction, new
        {
            ImportKey,
            ApplyKey = _applyKey,
            organizationId,
            now = now.ToUnixTimeMilliseconds(),
            expireTime = (now + batch.Lifetime).ToUnixTimeMilliseconds(),
        });
    }

    // Only called when some valid rows were not invited: the insert left out members first, so each
    // valid row whose address is a member's is one it skipped; the other skipped rows had a pending invitation.
    public int CountSkippedMembers() =>
        Connection.ExecuteScalar<int>(
            "SELECT COUNT(*) FROM import_rows s WHERE s.import_key = @ImportKey AND s.is_valid = @valid " +
            "AND EXISTS (SELECT 1 FROM members b WHERE b.organization_id = @OrganizationId AND b.normalized_email = s.normalized_email)",
            new { ImportKey, valid = true, OrganizationId },
            Transaction,
            Dialect.GrowingWorkTimeout);

    public ImportRecord Complete(ImportRecord applied, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(applied);
        Connection.Execute(
            "UPDATE imports SET state = @State, invited_count = @InvitedCount, skipped_count = @SkippedCount, permissions = @Permissions, " +
            "apply_request_id = @ApplyRequestId, update_time = @UpdateTime, apply_key = CAST(@ApplyKey AS BIGINT), inviter = CAST(@Inviter AS TEXT), " +
            "inviter_name = CAST(@InviterName AS TEXT), organization_name = CAST(@OrganizationName AS TEXT), " +
            "personal_message = CAST(@PersonalMessage AS TEXT), invitation_lifetime = CAST(@InvitationLifetime AS BIGINT), " +
            "skipped_already_invited_count = @SkippedAlreadyInvitedCount, skipped_already_member_count = @SkippedAlreadyMemberCount " +
            "WHERE import_id = @ImportId",
            new
            {
                State = (int)applied.State,
                applied.InvitedCount,
                applied.SkippedCount,
                applied.SkippedAlreadyInvitedCount,
                applied.SkippedAlreadyMemberCount,
                Permissions = _permissions ?? ImportRow.Json(applied.Permissions),
                applied.ApplyRequestId,
                UpdateTime = applied.UpdateTime.ToUnixTimeMilliseconds(),
                ApplyKey = _applyKey,
                Inviter = _batch?.Inviter,
                InviterName = _batch?.InviterDisplayName,
                OrganizationName = _batch?.OrganizationDisplayName,
                PersonalMessage = _batch?.PersonalMessage,
                InvitationLifetime = (long?)_batch?.Lifetime.TotalMilliseconds,
                ImportId,
            },
            Transaction,
            Dialect.GrowingWorkTimeout);
        return Commit(_ => audit);
    }
}
