using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.Client;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite invitations list|resend|revoke: what became of the invitations, and the two things one can do about one.</summary>
internal static class InvitationsCommand
{
    private static readonly Dictionary<string, InvitationStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pending"] = InvitationStatus.Pending,
        ["accepted"] = InvitationStatus.Accepted,
        ["revoked"] = InvitationStatus.Revoked,
        ["expired"] = InvitationStatus.Expired,
    };

    public static Command Create(GlobalOptions options, CliConsole console) =>
        new("invitations", "List, resend or revoke the invitations applied imports created")
        {
            CreateList(options, console),
            CreateAction(options, console, "resend", "Send an invitation again: a new link and a new expiry (the old link stops working)", "resent",
                (client, id, cancellationToken) => client.ResendInvitationAsync(id, cancellationToken)),
            CreateAction(options, console, "revoke", "Revoke a pending invitation: its link stops working, and an email not sent yet is cancelled", "revoked",
                (client, id, cancellationToken) => client.RevokeInvitationAsync(id, cancellationToken)),
        };

    private static Command CreateList(GlobalOptions options, CliConsole console)
    {
        var org = ImportCommand.OrgOption("The organization whose invitations to list");
        var status = new Option<string?>("--status") { Description = "Only invitations in this status", HelpName = "pending|accepted|revoked|expired" };
        status.AcceptOnlyFromAmong([.. Statuses.Keys]);
        var import = new Option<string?>("--import") { Description = "Only the invitations of this import", HelpName = "IMPORT_ID" };
        var command = new Command("list", "List an organization's invitations, newest first, with the delivery of each email") { org, status, import };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var organization = session.Organization(parse.GetValue(org), "the server lists invitations one organization at a time");
            var filter = parse.GetValue(status) is { } name ? Statuses[name] : InvitationStatus.Unspecified;
            var invitations = new List<Invitation>();
            await foreach (var invitation in session.Client.ListInvitationsAsync(organization, filter, parse.GetValue(import), cancellationToken))
            {
                invitations.Add(invitation);
            }

            if (session.Json)
            {
                Json.Write(console, new JsonObject { ["invitations"] = Json.Of(invitations) });
            }
            else if (invitations.Count == 0)
            {
                console.Error.MarkupLineInterpolated($"No invitations for {organization}{(filter == InvitationStatus.Unspecified ? "" : $" in status {Names.Of(filter)}")}.");
            }
            else
            {
                InvitationView.WriteMany(console, invitations);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateAction(
        GlobalOptions options, CliConsole console, string name, string description, string done, Func<BulkInviteClient, string, CancellationToken, Task<Invitation>> act)
    {
        var id = new Argument<string>("INVITATION_ID") { Description = "The invitation's id, as 'bulkinvite invitations list' shows it" };
        var yes = new Option<bool>("--yes", "-y") { Description = $"{char.ToUpperInvariant(name[0])}{name[1..]} without asking" };
        var command = new Command(name, description) { id, yes };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var invitationId = parse.GetRequiredValue(id);
            if (!parse.GetValue(yes))
            {
                var invitation = await session.Client.GetInvitationAsync(invitationId, cancellationToken);
                if (!await Confirm.AskAsync(session, $"{char.ToUpperInvariant(name[0])}{name[1..]} the invitation of {invitation.Email} ({Names.Of(invitation.Status)})?", cancellationToken))
                {
                    return ExitCodes.Usage;
                }
            }

            var changed = await act(session.Client, invitationId, cancellationToken);
            if (session.Json)
            {
                Json.Write(console, new JsonObject { ["invitation"] = Json.Of(changed) });
            }
            else
            {
                InvitationView.WriteOne(console.Out, changed, done);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
