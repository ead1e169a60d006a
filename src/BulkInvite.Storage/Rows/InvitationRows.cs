using System.Text.Json;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Storage.Rows;

/// <summary>
/// Where an invitation aliased i finds its person's data. An invitation of an apply has the id
/// apply_key × 2^32 + row number (<see cref="IdOf"/>): its address and names are its import row's
/// (aliased r), its import id, permissions, inviter and what its apply says (names for people, note,
/// lifetime) its import's (aliased m). One made before migration 0007 has a smaller id and its data
/// in invitations_before_0007 (aliased l), and nothing of what an apply says.
/// </summary>
internal static class InvitationPerson
{
    /// <summary>The invitations of one apply are those from <see cref="IdOf"/>(applyKey, 0) up to, not including, IdOf(applyKey + 1, 0).</summary>
    public const long RowsPerApply = 1L << 32;

    public const string Joins =
        "LEFT JOIN imports m ON m.apply_key = i.invitation_id / 4294967296 " +
        "LEFT JOIN import_rows r ON r.import_key = m.import_key AND r.row_number = i.invitation_id % 4294967296 " +
        "LEFT JOIN invitations_before_0007 l ON l.invitation_id = i.invitation_id ";

    public const string Columns =
        "COALESCE(m.import_id, l.import_id) AS import_id, COALESCE(r.email, l.email) AS email, COALESCE(r.first_name, l.first_name) AS first_name, " +
        "COALESCE(r.last_name, l.last_name) AS last_name, COALESCE(m.permissions, l.permissions) AS permissions, COALESCE(m.inviter, l.inviter) AS inviter, " +
        "m.inviter_name AS inviter_display_name, m.organization_name AS organization_display_name, m.personal_message, m.invitation_lifetime";

    /// <summary>The inviter's name for people as stored, or their subject when the apply stored none.</summary>
    public static string InviterName(string? stored, string inviter) => string.IsNullOrEmpty(stored) ? inviter : stored;

    /// <summary>The organization's name for people as stored, or its id when the apply stored none.</summary>
    public static string OrganizationName(string? stored, string organizationId) => string.IsNullOrEmpty(stored) ? organizationId : stored;

    /// <summary>The stored lifetime of the invitation's batch, in milliseconds, or null.</summary>
    public static TimeSpan? Lifetime(long? milliseconds) => milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>The id of the invitation an apply makes of a row.</summary>
    public static long IdOf(long applyKey, int rowNumber) => (applyKey * RowsPerApply) + rowNumber;
}

/// <summary>The columns of an invitation, with its person's data and the delivery of its latest email, as Dapper reads them.</summary>
internal sealed class InvitationRow
{
    /// <summary>Invitations with their person's data and the delivery of their latest email; add a WHERE clause.</summary>
    public const string Select =
        "SELECT i.invitation_id, i.organization_id, i.normalized_email, i.status, i.create_time, i.expire_time, i.update_time, " +
        InvitationPerson.Columns + ", " +
        "i.delivery_state, i.delivery_attempts, i.delivery_error, i.next_attempt_time AS delivery_next_attempt_time, i.sent_time AS delivery_sent_time, " +
        "i.resend_request_id " +
        "FROM invitations i " + InvitationPerson.Joins;

    public long InvitationId { get; set; }
    public string OrganizationId { get; set; } = "";
    public string ImportId { get; set; } = "";
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Permissions { get; set; } = "[]";
    public string Inviter { get; set; } = "";
    public string? InviterDisplayName { get; set; }
    public string? OrganizationDisplayName { get; set; }
    public string? PersonalMessage { get; set; }
    public long? InvitationLifetime { get; set; }
    public string? ResendRequestId { get; set; }
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
        InviterDisplayName = InvitationPerson.InviterName(InviterDisplayName, Inviter),
        OrganizationDisplayName = InvitationPerson.OrganizationName(OrganizationDisplayName, OrganizationId),
        PersonalMessage = PersonalMessage ?? "",
        Lifetime = InvitationPerson.Lifetime(InvitationLifetime),
        LastResendRequestId = ResendRequestId,
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

/// <summary>The invitations table's delivery_state column: where the invitation's latest email is.</summary>
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
