namespace BulkInvite.Client;

/// <summary>What an apply puts in each invitation besides its permissions (<see cref="BulkInviteClient.ApplyAsync(string, IEnumerable{string}, ApplyOptions?, CancellationToken)"/>).</summary>
public sealed class ApplyOptions
{
    /// <summary>A note shown in every invitation email, as plain text (at most 1,000 characters; line breaks kept).</summary>
    public string? PersonalMessage { get; init; }

    /// <summary>How long the invitations can be accepted, 1 to 30 days; null for the server's configured lifetime.</summary>
    public TimeSpan? InvitationLifetime { get; init; }

    /// <summary>
    /// Confirms granting a privileged permission (members.invite, organization.admin: Permission.Privileged)
    /// to every invited person; without it the server refuses with PRIVILEGED_PERMISSIONS_NOT_CONFIRMED.
    /// </summary>
    public bool ConfirmPrivilegedPermissions { get; init; }
}
