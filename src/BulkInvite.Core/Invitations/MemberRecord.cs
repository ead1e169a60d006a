namespace BulkInvite.Core.Invitations;

/// <summary>A person who accepted an invitation and belongs to the organization.</summary>
public sealed record MemberRecord
{
    public required string OrganizationId { get; init; }
    public required string Email { get; init; }
    public required string NormalizedEmail { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public IReadOnlyList<string> Permissions { get; init; } = [];
    public required long InvitationId { get; init; }
    public required DateTimeOffset JoinTime { get; init; }
}
