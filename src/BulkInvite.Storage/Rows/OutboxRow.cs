using System.Text.Json;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Storage.Rows;

/// <summary>A claimed outbox row joined with its invitation, as Dapper reads it.</summary>
internal sealed class OutboxRow
{
    /// <summary>The columns read, from the outbox aliased o and the invitation aliased i with <see cref="InvitationPerson.Joins"/>.</summary>
    public const string Columns =
        "o.message_id, o.invitation_id, o.attempts, i.organization_id, i.expire_time, " + InvitationPerson.Columns;

    public long MessageId { get; set; }
    public long InvitationId { get; set; }
    public long Attempts { get; set; }
    public string OrganizationId { get; set; } = "";
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Permissions { get; set; } = "[]";
    public string Inviter { get; set; } = "";
    public long ExpireTime { get; set; }

    public OutboxMessage ToMessage() => new()
    {
        MessageId = MessageId,
        InvitationId = InvitationId,
        Attempts = (int)Attempts,
        OrganizationId = OrganizationId,
        Email = Email,
        FirstName = FirstName,
        LastName = LastName,
        Permissions = JsonSerializer.Deserialize<List<string>>(Permissions) ?? [],
        Inviter = Inviter,
        ExpireTime = DateTimeOffset.FromUnixTimeMilliseconds(ExpireTime),
    };
}
