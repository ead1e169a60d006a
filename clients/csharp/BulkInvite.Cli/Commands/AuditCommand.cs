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
        var org = new Option<string?>("--org") { Description = "The organization whose audit trail to list [env: BULKINVITE_ORG]", HelpName = "ORG" };
        var command = new Command("audit", "List who uploaded, checked, applied, deleted or purged which import, newest first (needs organization.admin)") { org };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var organization = session.Setting("BULKINVITE_ORG", parse.GetValue(org))
                ?? throw new UsageException("Pass --org ORG (or set BULKINVITE_ORG): the server lists the audit trail one organization at a time.");
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
                AuditView.WriteMany(console.Out, events);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
