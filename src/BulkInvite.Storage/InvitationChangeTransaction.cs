using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Revokes or resends one invitation.</summary>
internal sealed class InvitationChangeTransaction(StoreDialect dialect, DbConnection connection, long invitationId)
    : InvitationWriteTransaction(dialect, connection), IInvitationTransaction
{
    protected override void Load() => Lock(invitationId);

    public bool AddressHasOtherPendingInvitation(DateTimeOffset now) =>
        Connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM invitations WHERE organization_id = @OrganizationId AND normalized_email = @NormalizedEmail " +
            "AND status = 'pending' AND expire_time > @now AND invitation_id <> @InvitationId",
            new { Stored.OrganizationId, Stored.NormalizedEmail, Stored.InvitationId, now = now.ToUnixTimeMilliseconds() },
            Transaction) > 0;

    public InvitationRecord Revoke(DateTimeOffset now, AuditEvent audit)
    {
        SetStatus(InvitationStatuses.Revoked, now);
        InvitationWrites.CancelQueuedEmail(Connection, Transaction, Stored.InvitationId);
        return Commit(audit);
    }

    public InvitationRecord Resend(DateTimeOffset now, DateTimeOffset expireTime, string? requestId, AuditEvent audit)
    {
        // Another expired invitation of the address stored as pending would hold the partial unique index.
        InvitationWrites.MarkExpired(Dialect, Connection, Transaction, Stored.OrganizationId, now, Stored.NormalizedEmail);
        try
        {
            Connection.Execute(
                "UPDATE invitations SET status = 'pending', expire_time = @expireTime, update_time = @now, resend_request_id = CAST(@requestId AS TEXT) " +
                "WHERE invitation_id = @InvitationId",
                new { expireTime = expireTime.ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds(), requestId, Stored.InvitationId },
                Transaction);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            // An import applied on another server invited the address again since the caller looked.
            throw new InvitationStateException(Stored.InvitationId, ErrorReason.InvitationAddressInvitedAgain,
                "The address was invited again since this invitation expired; resend the newer invitation instead.");
        }

        // The old link dies now; the new one is made when the new email goes out.
        InvitationWrites.RetireTokens(Connection, Transaction, Stored.InvitationId, now);
        InvitationWrites.QueueNewEmail(Connection, Transaction, Stored.InvitationId, now);
        return Commit(audit);
    }
}
