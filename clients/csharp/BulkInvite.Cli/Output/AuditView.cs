using System.Globalization;
using BulkInvite.V1;

namespace BulkInvite.Cli.Output;

/// <summary>An audit trail for people: one row per event, newest first, as the server returns them.</summary>
internal static class AuditView
{
    public static void WriteMany(CliConsole console, IReadOnlyList<AuditEvent> events)
    {
        var table = new RecordTable(
            new RecordColumn("Time (UTC)", Wrap: true),
            new RecordColumn("Actor", Wrap: true),
            new RecordColumn("Action"),
            new RecordColumn("Import", Wrap: true),
            new RecordColumn("File", Wrap: true),
            new RecordColumn("Valid", PipedOnly: true),
            new RecordColumn("Invalid", PipedOnly: true),
            new RecordColumn("Invited"),
            new RecordColumn("Permissions", Wrap: true));
        foreach (var auditEvent in events)
        {
            table.Add(
                Times.Second(auditEvent.EventTime),
                auditEvent.Actor,
                Names.Of(auditEvent.Action),
                auditEvent.ImportId,
                auditEvent.FileName,
                Number(auditEvent.ValidRows),
                Number(auditEvent.InvalidRows),
                Number(auditEvent.InvitedCount),
                auditEvent.Permissions.Count == 0 ? "-" : string.Join(", ", auditEvent.Permissions));
        }

        table.Write(console);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
