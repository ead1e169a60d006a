using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;
using Npgsql;

namespace BulkInvite.Storage.Postgres;

/// <summary>
/// One transaction on one invitation, whose row it locks as it reads it (FOR UPDATE): a revoke,
/// resend or accept of the same invitation on any server waits for it and then reads what it
/// stored. Disposed without a commit, it rolls back.
/// </summary>
internal abstract class PostgresInvitationWriteTransaction : IDisposable
{
    protected PostgresInvitationWriteTransaction(NpgsqlConnection connection)
    {
        Connection = connection;
        try
        {
            Transaction = connection.BeginTransaction();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public InvitationRecord? Invitation { get; protected set; }

    protected NpgsqlConnection Connection { get; }

    protected NpgsqlTransaction Transaction { get; }

    protected InvitationRecord Stored => Invitation ?? throw new InvalidOperationException("The invitation does not exist.");

    protected InvitationRecord? Read(long invitationId, bool forUpdate = false) =>
        Connection.QuerySingleOrDefault<InvitationRow>(
            InvitationRow.Select + "WHERE i.invitation_id = @invitationId" + (forUpdate ? " FOR UPDATE OF i" : ""), new { invitationId }, Transaction)?.ToRecord();

    protected void SetStatus(string status, DateTimeOffset now) =>
        Connection.Execute(
            "UPDATE invitations SET status = @status, update_time = @now WHERE invitation_id = @InvitationId",
            new { status, now = now.ToUnixTimeMilliseconds(), Stored.InvitationId },
            Transaction);

    /// <summary>Records the audit entry, commits, and returns the invitation as stored.</summary>
    protected InvitationRecord Commit(AuditEvent? audit)
    {
        var stored = Read(Stored.InvitationId)!;
        if (audit is not null)
        {
            PostgresAuditLog.Insert(Connection, Transaction, audit);
        }

        Transaction.Commit();
        return stored;
    }

    public void Dispose()
    {
        Transaction.Dispose(); // rolls back unless committed
        Connection.Dispose();
    }
}

/// <summary>Revokes or resends one invitation.</summary>
internal sealed class PostgresInvitationTransaction : PostgresInvitationWriteTransaction, IInvitationTransaction
{
    public PostgresInvitationTransaction(NpgsqlConnection connection, long invitationId)
        : base(connection)
    {
        try
        {
            Invitation = Read(invitationId, forUpdate: true);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public bool AddressHasOtherPendingInvitation(DateTimeOffset now) =>
        Connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM invitations WHERE organization_id = @OrganizationId AND normalized_email = @NormalizedEmail " +
            "AND status = 'pending' AND expire_time > @now AND invitation_id <> @InvitationId",
            new { Stored.OrganizationId, Stored.NormalizedEmail, Stored.InvitationId, now = now.ToUnixTimeMilliseconds() },
            Transaction) > 0;

    public InvitationRecord Revoke(DateTimeOffset now, AuditEvent audit)
    {
        SetStatus(InvitationStatuses.Revoked, now);
        InvitationWrites.CancelQueuedEmails(Connection, Transaction, Stored.InvitationId);
        return Commit(audit);
    }

    public InvitationRecord Reissue(DateTimeOffset now, DateTimeOffset expireTime, AuditEvent audit)
    {
        var time = now.ToUnixTimeMilliseconds();
        // Another expired invitation of the address stored as pending would hold the partial unique index.
        InvitationWrites.MarkExpired(Connection, Transaction, Stored.OrganizationId, now, Stored.NormalizedEmail);
        try
        {
            Connection.Execute(
                "UPDATE invitations SET status = 'pending', expire_time = @expireTime, update_time = @time WHERE invitation_id = @InvitationId",
                new { expireTime = expireTime.ToUnixTimeMilliseconds(), time, Stored.InvitationId },
                Transaction);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // An import applied on another server invited the address again since the caller looked.
            throw new InvitationStateException(Stored.InvitationId, ErrorReason.InvitationAddressInvitedAgain,
                "The address was invited again since this invitation expired; resend the newer invitation instead.");
        }

        // The old link dies now; the new one is made when the new email goes out.
        InvitationWrites.RetireTokens(Connection, Transaction, Stored.InvitationId, now);
        InvitationWrites.CancelQueuedEmails(Connection, Transaction, Stored.InvitationId);
        InvitationWrites.QueueEmail(Connection, Transaction, Stored.InvitationId, now);
        return Commit(audit);
    }
}

/// <summary>Accepts the invitation a token belongs to.</summary>
internal sealed class PostgresAcceptTransaction : PostgresInvitationWriteTransaction, IAcceptTransaction
{
    public PostgresAcceptTransaction(NpgsqlConnection connection, string tokenHash)
        : base(connection)
    {
        try
        {
            var invitationId = Connection.QuerySingleOrDefault<long?>(
                "SELECT invitation_id FROM invitation_tokens WHERE token_hash = @tokenHash", new { tokenHash }, Transaction);
            if (invitationId is { } id)
            {
                Invitation = Read(id, forUpdate: true);
                // Read once the invitation is locked: a resend that committed meanwhile has replaced it.
                TokenReplaced = Connection.ExecuteScalar<long?>(
                    "SELECT replace_time FROM invitation_tokens WHERE token_hash = @tokenHash", new { tokenHash }, Transaction) is not null;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public bool TokenReplaced { get; }

    public void MarkExpired(DateTimeOffset now)
    {
        SetStatus(InvitationStatuses.Expired, now);
        Commit(null);
    }

    public (MemberRecord Member, InvitationRecord Invitation) Accept(DateTimeOffset now, AuditEvent audit)
    {
        // An address that is already a member (through another invitation) keeps its membership as it is.
        Connection.Execute(
            $"INSERT INTO members ({MemberRow.Columns}) " +
            "SELECT organization_id, normalized_email, email, first_name, last_name, permissions, invitation_id, @now " +
            "FROM invitations WHERE invitation_id = @InvitationId ON CONFLICT DO NOTHING",
            new { now = now.ToUnixTimeMilliseconds(), Stored.InvitationId },
            Transaction);
        SetStatus(InvitationStatuses.Accepted, now);
        var member = Connection.QuerySingle<MemberRow>(
            $"SELECT {MemberRow.Columns} FROM members WHERE organization_id = @OrganizationId AND normalized_email = @NormalizedEmail",
            new { Stored.OrganizationId, Stored.NormalizedEmail },
            Transaction).ToRecord();
        return (member, Commit(audit));
    }
}
