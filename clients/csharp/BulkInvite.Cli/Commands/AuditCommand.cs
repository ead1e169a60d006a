using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite audit --org ORG: the organization's audit trail, every page of it (organization admins).</summary>
internal static class AuditCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var org = ImportCommand.OrgOption("The organization whose audit trail to list");
        var command = new Command("audit", "List who uploaded, checked, applied, deleted or purged which import, newest first (needs organization.admin)") { org };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var organization = session.Organization(parse.GetValue(org), "the server lists the audit trail one organization at a time");
            var events = new List<AuditEvent>();
            await foreach (var auditEvent in session.Client.ListAuditEventsAsync(organization, cancellationToken))
            {
                events.Add(auditEvent);
            }

            if (session.Json)
            {
                Json.Write(console, new JsonObject { ["events"] = Json.Of(events) });
            }
            else if (events.Count == 0)
            {
                console.Out.MarkupLineInterpolated($"No audit events for {organization}.");
            }
            else
            {
                AuditView.WriteMany(console, events);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
