using System.Globalization;
using BulkInvite.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>An audit trail for people: one row per event, newest first, as the server returns them.</summary>
internal static class AuditView
{
    public static void WriteMany(IAnsiConsole console, IReadOnlyList<AuditEvent> events)
    {
        var table = new Table().AddColumns("Time (UTC)", "Actor", "Action", "Import", "File", "Valid", "Invalid", "Invited", "Permissions");
        foreach (var auditEvent in events)
        {
            table.AddRow(
                new Text(Time(auditEvent.EventTime)),
                new Text(auditEvent.Actor),
                new Text(Names.Of(auditEvent.Action)),
                new Text(auditEvent.ImportId),
                new Text(auditEvent.FileName),
                new Text(Number(auditEvent.ValidRows)),
                new Text(Number(auditEvent.InvalidRows)),
                new Text(Number(auditEvent.InvitedCount)),
                new Text(auditEvent.Permissions.Count == 0 ? "-" : string.Join(", ", auditEvent.Permissions)));
        }

        console.Write(table);
    }

    private static string Time(Timestamp? time) =>
        time is null ? "-" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
