namespace BulkInvite.Core.Invitations;

/// <summary>
/// What one apply says in every invitation it makes, stored once with the import (never once per
/// invitation): who invites and to what, by their names for people at apply (the email goes out later,
/// from any replica, without the caller's token), the inviter's note, and how long each invitation
/// stays valid, also when it is resent.
/// </summary>
/// <param name="Inviter">The caller's token subject.</param>
/// <param name="Lifetime">How long an invitation of the batch can be accepted, from its apply or resend.</param>
public sealed record InvitationBatch(string Inviter, TimeSpan Lifetime)
{
    /// <summary>The inviter's name for people: the token's name claim, else its subject.</summary>
    public string InviterDisplayName { get; init; } = "";

    /// <summary>The organization's name for people: the token's org_name claim, the configured name, else its id.</summary>
    public string OrganizationDisplayName { get; init; } = "";

    /// <summary>The inviter's note, plain text; empty for none.</summary>
    public string PersonalMessage { get; init; } = "";
}
