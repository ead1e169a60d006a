namespace BulkInvite.Core.Invitations;

/// <summary>An invitation email waiting to go out, with what it must say.</summary>
public sealed record OutboxMessage
{
    public required long InvitationId { get; init; }

    /// <summary>Which email of the invitation this is: 1 for the one its apply queued, one more for each resend.</summary>
    public required int Sequence { get; init; }

    /// <summary>Attempts made so far, this one included.</summary>
    public required int Attempts { get; init; }

    public required string OrganizationId { get; init; }
    public required string Email { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required IReadOnlyList<string> Permissions { get; init; }
    public required string Inviter { get; init; }
    public required DateTimeOffset ExpireTime { get; init; }

    /// <summary>The inviter's name for people, stored at apply; their subject for invitations made before it was.</summary>
    public string InviterDisplayName { get; init; } = "";

    /// <summary>The organization's name for people, stored at apply; its id for invitations made before it was.</summary>
    public string OrganizationDisplayName { get; init; } = "";

    /// <summary>The inviter's note; empty for none.</summary>
    public string PersonalMessage { get; init; } = "";
}
