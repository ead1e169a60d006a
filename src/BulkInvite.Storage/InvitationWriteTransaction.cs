using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// One write transaction on one invitation, which it reads first (locking its row on PostgreSQL): a
/// revoke, resend or accept of the same invitation on any server waits for it and then reads what
/// it stored.
/// </summary>
internal abstract class InvitationWriteTransaction(StoreDialect dialect, DbConnection connection) : WriteTransaction(dialect, connection)
{
    public InvitationRecord? Invitation { get; private set; }

    protected InvitationRecord Stored => Invitation ?? throw new InvalidOperationException("The invitation does not exist.");

    /// <summary>Reads and locks the invitation the transaction works on.</summary>
    protected void Lock(long invitationId) =>
        Invitation = Read(invitationId, Dialect.RowLock);

    protected void SetStatus(string status, DateTimeOffset now) =>
        Connection.Execute(
            "UPDATE invitations SET status = @status, update_time = @now WHERE invitation_id = @InvitationId",
            new { status, now = now.ToUnixTimeMilliseconds(), Stored.InvitationId },
            Transaction);

    /// <summary>Records the audit entry, commits, and returns the invitation as stored.</summary>
    protected InvitationRecord Commit(AuditEvent? audit)
    {
        var stored = Read(Stored.InvitationId, "")!;
        if (audit is not null)
        {
            AuditLog.Record(Connection, Transaction, audit);
        }

        Transaction.Commit();
        return stored;
    }

    private InvitationRecord? Read(long invitationId, string rowLock) =>
        Connection.QuerySingleOrDefault<InvitationRow>(
            InvitationRow.Select + $"WHERE i.invitation_id = @invitationId {rowLock}", new { invitationId }, Transaction)?.ToRecord();
}
