using System.Globalization;
using System.Net;
using System.Text;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>
/// Writes an invitation email from its outbox row: a plain-text and an HTML body naming the inviter
/// and the organization by their names for people, the permissions by what they let the invitee do,
/// the inviter's note in a quoted block, the expiry and the accept link. Every value in the HTML body
/// is HTML-encoded, since names come from an uploaded file and a token, and the note from the inviter.
/// </summary>
public sealed class InvitationMailComposer(EmailOptions options, PermissionCatalog catalog)
{
    /// <param name="token">The accept token made for this email (only its hash is stored).</param>
    public InvitationMail Compose(OutboxMessage message, string token)
    {
        ArgumentNullException.ThrowIfNull(message);
        var link = AcceptLink(token);
        var inviter = OneLine(FirstOf(message.InviterDisplayName, message.Inviter, "An administrator"));
        var organization = OneLine(FirstOf(message.OrganizationDisplayName, message.OrganizationId));
        var expiry = message.ExpireTime.UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var permissions = message.Permissions.Select(p => (Id: p, Description: Describe(p))).ToList();
        var name = OneLine($"{message.FirstName} {message.LastName}".Trim());
        var greeting = name.Length > 0 ? $"Hello {name}," : "Hello,";
        var note = Lines(message.PersonalMessage);
        var subject = $"{inviter} invited you to join {organization}";

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{greeting}\n\n")
            .Append(CultureInfo.InvariantCulture, $"{inviter} invited you to join {organization} with these permissions:\n\n");
        foreach (var (id, description) in permissions)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {(description.Length > 0 ? $"{description} ({id})" : id)}\n");
        }

        if (note.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{inviter} wrote:\n\n");
            foreach (var line in note)
            {
                text.Append("  > ").Append(line).Append('\n');
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nAccept the invitation by opening this link:\n\n  {link}\n\n")
            .Append(CultureInfo.InvariantCulture, $"The link works once and expires on {expiry}.\n")
            .Append("If you did not expect this invitation, ignore this email.\n");

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Encode(greeting)}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Encode(inviter)} invited you to join <strong>{Encode(organization)}</strong> with these permissions:</p>\n<ul>\n");
        foreach (var (id, description) in permissions)
        {
            html.Append(description.Length > 0
                ? $"  <li>{Encode(description)} (<code>{Encode(id)}</code>)</li>\n"
                : $"  <li><code>{Encode(id)}</code></li>\n");
        }

        html.Append("</ul>\n");
        if (note.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(inviter)} wrote:</p>\n")
                .Append("<blockquote style=\"margin: 0 0 1em 0; padding-left: 1em; border-left: 3px solid #ccc;\">")
                .Append(string.Join("<br>\n", note.Select(Encode)))
                .Append("</blockquote>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link)}\">Accept the invitation</a></p>\n")
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
        catalog.Find(permission)?.Description ?? "";

    private static string FirstOf(params string[] values) => values.First(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>A name on one line: a line break or other control character in a claim must not start a line of its own (or a header).</summary>
    private static string OneLine(string value) =>
        string.Create(value.Length, value, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? ' ' : text[i];
            }
        }).Trim();

    /// <summary>The note's lines, whichever line breaks it used; none for an empty note.</summary>
    private static List<string> Lines(string note) =>
        string.IsNullOrWhiteSpace(note) ? [] : [.. note.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')];

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string MessageId(OutboxMessage message) =>
        string.Create(CultureInfo.InvariantCulture, $"invitation-{message.InvitationId}.{message.Sequence}@bulkinvite");
}
