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
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        return message;
    }
}
