using System.Globalization;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>Invitations for people: one per record with its status and the delivery of its email.</summary>
internal static class InvitationView
{
    public static void WriteMany(CliConsole console, IReadOnlyList<Invitation> invitations)
    {
        var table = new RecordTable(
            new RecordColumn("Invitation"),
            new RecordColumn("Email"),
            new RecordColumn("Name", PipedOnly: true),
            new RecordColumn("Status"),
            new RecordColumn("Delivery", Wrap: true),
            new RecordColumn("Expires (UTC)", Wrap: true),
            new RecordColumn("Import", PipedOnly: true),
            new RecordColumn("Permissions", PipedOnly: true),
            new RecordColumn("Attempts", PipedOnly: true),
            new RecordColumn("Last error", PipedOnly: true));
        foreach (var i in invitations)
        {
            table.Add(
                i.InvitationId,
                i.Email,
                $"{i.FirstName} {i.LastName}",
                Names.Of(i.Status),
                Delivery(i.Delivery),
                Times.Minute(i.ExpireTime),
                i.ImportId,
                string.Join(",", i.Permissions),
                (i.Delivery?.Attempts ?? 0).ToString(CultureInfo.InvariantCulture),
                i.Delivery?.LastError ?? "");
        }

        table.Write(console);
    }

    /// <summary>One invitation after a resend or a revoke.</summary>
    public static void WriteOne(IAnsiConsole console, Invitation invitation, string done) =>
        console.MarkupLineInterpolated(
            $"Invitation {invitation.InvitationId} of {invitation.Email} {done}: now {Names.Of(invitation.Status)}, email {Delivery(invitation.Delivery)}, expires {Times.Minute(invitation.ExpireTime)} UTC.");

    /// <summary>SENT; QUEUED; FAILED after 12 attempts: 550 mailbox unavailable.</summary>
    public static string Delivery(InvitationDelivery? delivery) => delivery switch
    {
        null => "-",
        { State: DeliveryState.Failed } d => string.Create(CultureInfo.InvariantCulture, $"FAILED after {d.Attempts} attempt{(d.Attempts == 1 ? "" : "s")}: {d.LastError}"),
        { State: DeliveryState.Queued, Attempts: > 0 } d => string.Create(CultureInfo.InvariantCulture, $"QUEUED, retrying ({d.Attempts} failed: {d.LastError})"),
        var d => Names.Of(d.State),
    };
}
