namespace BulkInvite.Core.Invitations;

/// <summary>One invitation, as stored, with the delivery of its latest email.</summary>
public sealed record InvitationRecord
{
    public required long InvitationId { get; init; }
    public required string OrganizationId { get; init; }
    public required string ImportId { get; init; }
    public required string Email { get; init; }
    public required string NormalizedEmail { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>The token subject of the caller who applied the import; empty for invitations made before it was recorded.</summary>
    public string Inviter { get; init; } = "";

    /// <summary>The inviter's name for people at apply (<see cref="InvitationBatch"/>), or their subject.</summary>
    public string InviterDisplayName { get; init; } = "";

    /// <summary>The organization's name for people at apply, or its id.</summary>
    public string OrganizationDisplayName { get; init; } = "";

    /// <summary>The inviter's note from the apply; empty for none.</summary>
    public string PersonalMessage { get; init; } = "";

    /// <summary>The lifetime its apply chose, which a resend keeps; null for invitations made before it was stored.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary>The request_id of its latest resend, if it had one: a retry with it resends nothing.</summary>
    public string? LastResendRequestId { get; init; }

    /// <summary>
    /// The status as stored. A pending invitation whose expiry has passed may still be stored as
    /// pending: <see cref="AsOf"/> gives the status a caller sees.
    /// </summary>
    public required InvitationStatus Status { get; init; }

    public required DateTimeOffset CreateTime { get; init; }
    public required DateTimeOffset ExpireTime { get; init; }
    public required DateTimeOffset UpdateTime { get; init; }
    public Delivery Delivery { get; init; } = Delivery.None;

    /// <summary>Whether the invitation is pending but its expiry has passed.</summary>
    public bool HasExpired(DateTimeOffset now) => Status == InvitationStatus.Pending && now >= ExpireTime;

    /// <summary>The invitation as it stands at <paramref name="now"/>: expired once its expiry has passed, whatever is stored.</summary>
    public InvitationRecord AsOf(DateTimeOffset now) => HasExpired(now) ? this with { Status = InvitationStatus.Expired } : this;
}
