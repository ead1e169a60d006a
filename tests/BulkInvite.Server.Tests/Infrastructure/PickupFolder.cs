using System.Globalization;
using MimeKit;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>The .eml files the server wrote in Pickup mode.</summary>
public static class PickupFolder
{
    public static List<MimeMessage> Read(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.eml").Select(path => MimeMessage.Load(path)).OrderBy(OutboxNumber)]
            : [];

    public static string Recipient(this MimeMessage message) => ((MailboxAddress)message.To.Single()).Address;

    /// <summary>Waits until the folder holds <paramref name="count"/> emails to the address, and returns their tokens, oldest first.</summary>
    public static async Task<List<string>> TokensForAsync(string folder, string email, int count = 1)
    {
        List<MimeMessage> messages = [];
        await InvitationCalls.WaitUntilAsync(() =>
        {
            messages = Read(folder).Where(m => m.Recipient() == email).ToList();
            return Task.FromResult(messages.Count >= count);
        }, $"{count} emails to {email} are in the pickup folder");
        return messages.Select(m => InvitationCalls.AcceptLink(m.TextBody ?? "").Token).ToList();
    }

    /// <summary>Waits until the folder holds <paramref name="count"/> emails to the address, and returns them, oldest first.</summary>
    public static async Task<List<MimeMessage>> EmailsToAsync(string folder, string email, int count = 1)
    {
        List<MimeMessage> messages = [];
        await InvitationCalls.WaitUntilAsync(() =>
        {
            messages = Read(folder).Where(m => m.Recipient() == email).ToList();
            return Task.FromResult(messages.Count >= count);
        }, $"{count} emails to {email} are in the pickup folder");
        return messages;
    }

    /// <summary>The plain-text body with \n line ends, as the server wrote it before MIME encoding.</summary>
    public static string Text(this MimeMessage message) => (message.TextBody ?? "").ReplaceLineEndings("\n");

    /// <summary>The HTML body with \n line ends.</summary>
    public static string Html(this MimeMessage message) => (message.HtmlBody ?? "").ReplaceLineEndings("\n");

    // The Message-ID is invitation-{invitation}.{sequence}@bulkinvite: invitations are numbered in
    // the order they were made, and each one's emails in the order they were queued.
    private static (long Invitation, long Sequence) OutboxNumber(MimeMessage message) =>
        message.MessageId!.Split('@')[0]["invitation-".Length..].Split('.') is [var invitation, var sequence]
            ? (long.Parse(invitation, CultureInfo.InvariantCulture), long.Parse(sequence, CultureInfo.InvariantCulture))
            : throw new FormatException($"Unexpected Message-ID {message.MessageId}.");
}
