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

    // The Message-ID is invitation-{invitation}.{outbox row}@bulkinvite: the row gives the order.
    private static long OutboxNumber(MimeMessage message) =>
        long.Parse(message.MessageId!.Split('@')[0].Split('.')[^1], CultureInfo.InvariantCulture);
}
