using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite members list: who accepted an invitation, with the permissions they hold.</summary>
internal static class MembersCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var org = ImportCommand.OrgOption("The organization whose members to list");
        var list = new Command("list", "List an organization's members, by address") { org };
        CommandAction.Set(list, options, console, async (parse, session, cancellationToken) =>
        {
            var organization = session.Organization(parse.GetValue(org), "the server lists members one organization at a time");
            var members = new List<Member>();
            await foreach (var member in session.Client.ListMembersAsync(organization, cancellationToken))
            {
                members.Add(member);
            }

            if (session.Json)
            {
                Json.Write(console, new JsonObject { ["members"] = Json.Of(members) });
            }
            else if (members.Count == 0)
            {
                console.Error.MarkupLineInterpolated($"No members in {organization} yet.");
            }
            else
            {
                MemberView.WriteMany(console, members);
            }

            return ExitCodes.Ok;
        });
        return new Command("members", "List the members who accepted their invitation") { list };
    }
}
