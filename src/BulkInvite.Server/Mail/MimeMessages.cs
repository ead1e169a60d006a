using BulkInvite.Core.Invitations;
using MimeKit;

namespace BulkInvite.Server.Mail;

/// <summary>An invitation email as a MIME message: multipart/alternative with the plain-text and HTML bodies.</summary>
internal static class MimeMessages
{
    public static MimeMessage From(InvitationMail mail, MailboxAddress sender)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = mail.MessageId,
            Date = DateTimeOffset.UtcNow,
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        // A copy: an address list subscribes to its addresses' Changed event, so one sender shared by
        // every message would keep every message ever sent alive (1.2 GB after 100,000 emails).
        message.From.Add(sender.Clone());
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        return message;
    }
}
