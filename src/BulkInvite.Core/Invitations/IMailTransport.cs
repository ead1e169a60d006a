namespace BulkInvite.Core.Invitations;

/// <summary>Where emails go: an SMTP server, or a pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>Connects (and authenticates) for a batch of emails.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}
