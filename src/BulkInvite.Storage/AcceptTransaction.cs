using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Accepts the invitation a token belongs to.</summary>
internal sealed class AcceptTransaction(StoreDialect dialect, DbConnection connection, string tokenHash)
    : InvitationWriteTransaction(dialect, connection), IAcceptTransaction
{
    public bool TokenReplaced { get; private set; }

    protected override void Load()
    {
        var invitationId = Connection.QuerySingleOrDefault<long?>(
            "SELECT invitation_id FROM invitation_tokens WHERE token_hash = @tokenHash", new { tokenHash }, Transaction);
        if (invitationId is { } id)
        {
            Lock(id);
            // Read once the invitation is locked: a resend that committed meanwhile has replaced it.
            TokenReplaced = Connection.ExecuteScalar<long?>(
                "SELECT replace_time FROM invitation_tokens WHERE token_hash = @tokenHash", new { tokenHash }, Transaction) is not null;
        }
    }

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
            "SELECT i.organization_id, i.normalized_email, COALESCE(r.email, l.email), COALESCE(r.first_name, l.first_name), " +
            "COALESCE(r.last_name, l.last_name), COALESCE(m.permissions, l.permissions), i.invitation_id, @now " +
            $"FROM invitations i {InvitationPerson.Joins}WHERE i.invitation_id = @InvitationId ON CONFLICT DO NOTHING",
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
