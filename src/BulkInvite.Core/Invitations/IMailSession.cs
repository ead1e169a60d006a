namespace BulkInvite.Core.Invitations;

/// <summary>One connection to the transport. A send that returns normally means the transport took the email.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(InvitationMail mail, CancellationToken cancellationToken);
}
