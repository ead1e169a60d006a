using BulkInvite.Core.Invitations;
using MimeKit;

namespace BulkInvite.Server.Mail;

/// <summary>
/// Writes each invitation email as a .eml file into a folder (Email:PickupDirectory), for local runs
/// without a mail server. A file is written under a temporary name and renamed when complete, and
/// its name comes from the Message-ID, so an email sent twice is still one file.
/// </summary>
internal sealed class PickupMailTransport(string directory, EmailOptions options) : IMailTransport
{
    private readonly MailboxAddress _sender = MailboxAddress.Parse(options.From);

    public string Directory { get; } = directory;

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IMailSession>(new Session(this));
    }

    private sealed class Session(PickupMailTransport transport) : IMailSession
    {
        public async Task SendAsync(InvitationMail mail, CancellationToken cancellationToken)
        {
            using var message = MimeMessages.From(mail, transport._sender);
            // As an SMTP server would take it: a declared transfer encoding, and links left on one line.
            message.Prepare(EncodingConstraint.EightBit, 998);
            var name = new string(mail.MessageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
            var path = Path.Combine(transport.Directory, name + ".eml");
            var part = path + ".part";
            await message.WriteToAsync(part, cancellationToken);
            File.Move(part, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
