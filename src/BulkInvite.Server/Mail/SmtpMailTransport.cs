using BulkInvite.Core.Invitations;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BulkInvite.Server.Mail;

/// <summary>Sends invitation emails to the configured SMTP server (Email:Smtp), one connection per batch.</summary>
internal sealed class SmtpMailTransport(EmailOptions options) : IMailTransport
{
    private readonly MailboxAddress _sender = MailboxAddress.Parse(options.From);

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password, cancellationToken);
            }

            return new Session(client, _sender);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client, MailboxAddress sender) : IMailSession
    {
        public async Task SendAsync(InvitationMail mail, CancellationToken cancellationToken)
        {
            using var message = MimeMessages.From(mail, sender);
            await client.SendAsync(message, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or SmtpCommandException)
            {
                // The emails are sent and acknowledged already; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
