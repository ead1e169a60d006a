using System.Text.Json;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Storage.Rows;

/// <summary>The columns of an invitation and of its latest outbox row, as Dapper reads them.</summary>
internal sealed class InvitationRow
{
    /// <summary>Invitations joined with the delivery of their latest email; add a WHERE clause.</summary>
    public const string Select =
        "SELECT i.invitation_id, i.organization_id, i.import_id, i.email, i.normalized_email, i.first_name, i.last_name, i.permissions, " +
        "i.inviter, i.status, i.create_time, i.expire_time, i.update_time, o.state AS delivery_state, o.attempts AS delivery_attempts, " +
        "o.last_error AS delivery_error, o.next_attempt_time AS delivery_next_attempt_time, o.sent_time AS delivery_sent_time " +
        "FROM invitations i LEFT JOIN invitation_outbox o " +
        "ON o.message_id = (SELECT MAX(x.message_id) FROM invitation_outbox x WHERE x.invitation_id = i.invitation_id) ";

    public long InvitationId { get; set; }
    public string OrganizationId { get; set; } = "";
    public string ImportId { get; set; } = "";
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Permissions { get; set; } = "[]";
    public string Inviter { get; set; } = "";
    public string Status { get; set; } = "";
    public long CreateTime { get; set; }
    public long ExpireTime { get; set; }
    public long UpdateTime { get; set; }
    public string? DeliveryState { get; set; }
    public long? DeliveryAttempts { get; set; }
    public string? DeliveryError { get; set; }
    public long? DeliveryNextAttemptTime { get; set; }
    public long? DeliverySentTime { get; set; }

    public InvitationRecord ToRecord() => new()
    {
        InvitationId = InvitationId,
        OrganizationId = OrganizationId,
        ImportId = ImportId,
        Email = Email,
        NormalizedEmail = NormalizedEmail,
        FirstName = FirstName,
        LastName = LastName,
        Permissions = JsonSerializer.Deserialize<List<string>>(Permissions) ?? [],
        Inviter = Inviter,
        Status = InvitationStatuses.Parse(Status),
        CreateTime = DateTimeOffset.FromUnixTimeMilliseconds(CreateTime),
        ExpireTime = DateTimeOffset.FromUnixTimeMilliseconds(ExpireTime),
        UpdateTime = DateTimeOffset.FromUnixTimeMilliseconds(UpdateTime),
        Delivery = DeliveryState is null ? Delivery.None : new Delivery(
            OutboxStates.Parse(DeliveryState),
            (int)(DeliveryAttempts ?? 0),
            DeliveryError ?? "",
            DeliveryState == OutboxStates.Queued && DeliveryNextAttemptTime is { } next ? DateTimeOffset.FromUnixTimeMilliseconds(next) : null,
            DeliverySentTime is { } sent ? DateTimeOffset.FromUnixTimeMilliseconds(sent) : null),
    };
}

/// <summary>The columns of a member, as Dapper reads them.</summary>
internal sealed class MemberRow
{
    public const string Columns = "organization_id, normalized_email, email, first_name, last_name, permissions, invitation_id, join_time";

    public string OrganizationId { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Permissions { get; set; } = "[]";
    public long InvitationId { get; set; }
    public long JoinTime { get; set; }

    public MemberRecord ToRecord() => new()
    {
        OrganizationId = OrganizationId,
        NormalizedEmail = NormalizedEmail,
        Email = Email,
        FirstName = FirstName,
        LastName = LastName,
        Permissions = JsonSerializer.Deserialize<List<string>>(Permissions) ?? [],
        InvitationId = InvitationId,
        JoinTime = DateTimeOffset.FromUnixTimeMilliseconds(JoinTime),
    };
}

/// <summary>The invitations table's status column.</summary>
internal static class InvitationStatuses
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    public static InvitationStatus Parse(string status) => status switch
    {
        Pending => InvitationStatus.Pending,
        Accepted => InvitationStatus.Accepted,
        Revoked => InvitationStatus.Revoked,
        Expired => InvitationStatus.Expired,
        _ => throw new InvalidOperationException($"Unknown invitation status \"{status}\" in the database."),
    };
}

/// <summary>The invitation_outbox table's state column.</summary>
internal static class OutboxStates
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static DeliveryState Parse(string state) => state switch
    {
        Queued => Core.Invitations.DeliveryState.Queued,
        Sent => Core.Invitations.DeliveryState.Sent,
        Failed => Core.Invitations.DeliveryState.Failed,
        Cancelled => Core.Invitations.DeliveryState.Cancelled,
        _ => throw new InvalidOperationException($"Unknown outbox state \"{state}\" in the database."),
    };
}
