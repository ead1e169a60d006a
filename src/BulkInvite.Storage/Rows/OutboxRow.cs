using System.Text.Json;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Storage.Rows;

/// <summary>A claimed email with its invitation, as Dapper reads it.</summary>
internal sealed class OutboxRow
{
    /// <summary>
    /// The columns read from the invitation aliased i with <see cref="InvitationPerson.Joins"/>, besides
    /// its id, attempts and sequence, which the claiming statement reads as it wrote them.
    /// </summary>
    public const string Columns = "i.organization_id, i.expire_time, " + InvitationPerson.Columns;

    public long InvitationId { get; set; }
    public long Sequence { get; set; }
    public long Attempts { get; set; }
    public string OrganizationId { get; set; } = "";
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Permissions { get; set; } = "[]";
    public string Inviter { get; set; } = "";
    public string? InviterDisplayName { get; set; }
    public string? OrganizationDisplayName { get; set; }
    public string? PersonalMessage { get; set; }
    public long? InvitationLifetime { get; set; }
    public long ExpireTime { get; set; }

    public OutboxMessage ToMessage() => new()
    {
        InvitationId = InvitationId,
        Sequence = (int)Sequence,
        Attempts = (int)Attempts,
        OrganizationId = OrganizationId,
        Email = Email,
        FirstName = FirstName,
        LastName = LastName,
        Permissions = JsonSerializer.Deserialize<List<string>>(Permissions) ?? [],
        Inviter = Inviter,
        ExpireTime = DateTimeOffset.FromUnixTimeMilliseconds(ExpireTime),
        InviterDisplayName = InvitationPerson.InviterName(InviterDisplayName, Inviter),
        OrganizationDisplayName = InvitationPerson.OrganizationName(OrganizationDisplayName, OrganizationId),
        PersonalMessage = PersonalMessage ?? "",
    };
}
