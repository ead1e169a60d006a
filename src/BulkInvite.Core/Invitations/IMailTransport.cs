namespace BulkInvite.Core.Invitations;

/// <summary>A composed invitation email.</summary>
/// <param name="MessageId">The Message-ID header: one per email of an invitation (its sequence), so a copy sent again by a retry can be recognized.</param>
public sealed record InvitationMail(string To, string ToName, string Subject, string Text, string Html, string MessageId);

/// <summary>Where emails go: an SMTP server, or a pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>Connects (and authenticates) for a batch of emails.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>One connection to the transport. A send that returns normally means the transport took the email.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(InvitationMail mail, CancellationToken cancellationToken);
}
