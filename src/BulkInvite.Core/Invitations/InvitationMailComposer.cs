using System.Globalization;
using System.Net;
using System.Text;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>
/// Writes an invitation email from its outbox row: a plain-text and an HTML body naming the inviter,
/// the organization, the permissions, the expiry and the accept link. Every value in the HTML body is
/// HTML-encoded, since names come from an uploaded file.
/// </summary>
public sealed class InvitationMailComposer(EmailOptions options, PermissionCatalog catalog)
{
    /// <param name="token">The accept token made for this email (only its hash is stored).</param>
    public InvitationMail Compose(OutboxMessage message, string token)
    {
        ArgumentNullException.ThrowIfNull(message);
        var link = AcceptLink(token);
        var inviter = string.IsNullOrEmpty(message.Inviter) ? "An administrator" : message.Inviter;
        var expiry = message.ExpireTime.UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var permissions = message.Permissions.Select(p => (Id: p, Description: Describe(p))).ToList();
        var name = $"{message.FirstName} {message.LastName}".Trim();
        var subject = $"{inviter} invited you to join {message.OrganizationId}";

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {name},\n\n")
            .Append(CultureInfo.InvariantCulture, $"{inviter} invited you to join {message.OrganizationId} with these permissions:\n\n");
        foreach (var (id, description) in permissions)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {id}: {description}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nAccept the invitation by opening this link:\n\n  {link}\n\n")
            .Append(CultureInfo.InvariantCulture, $"The link works once and expires on {expiry}.\n")
            .Append("If you did not expect this invitation, ignore this email.\n");

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>Hello {Encode(name)},</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Encode(inviter)} invited you to join <strong>{Encode(message.OrganizationId)}</strong> with these permissions:</p>\n<ul>\n");
        foreach (var (id, description) in permissions)
        {
            html.Append(CultureInfo.InvariantCulture, $"  <li><code>{Encode(id)}</code>: {Encode(description)}</li>\n");
        }

        html.Append("</ul>\n")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link)}\">Accept the invitation</a></p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>The link works once and expires on {Encode(expiry)}.</p>\n")
            .Append("<p>If you did not expect this invitation, ignore this email.</p>\n</body></html>\n");

        return new InvitationMail(message.Email, name, subject, text.ToString(), html.ToString(), MessageId(message));
    }

    /// <summary>The accept page's URL with the token as its query parameter "token".</summary>
    public string AcceptLink(string token)
    {
        var url = options.AcceptBaseUrl.AbsoluteUri;
        var separator = options.AcceptBaseUrl.Query.Length > 0 ? '&' : '?';
        return url + separator + "token=" + Uri.EscapeDataString(token);
    }

    private string Describe(string permission) =>
        catalog.All.FirstOrDefault(p => p.Id == permission)?.Description ?? "";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string MessageId(OutboxMessage message) =>
        string.Create(CultureInfo.InvariantCulture, $"invitation-{message.InvitationId}.{message.Sequence}@bulkinvite");
}
