using System.CommandLine;
using BulkInvite.Cli.Output;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite apply IMPORT_ID --permission P…: continue a checked import (one answered "no" to, say), with the same confirmation as import.</summary>
internal static class ApplyCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var id = new Argument<string>("IMPORT_ID") { Description = "The checked import's id (as import printed it, or as 'bulkinvite imports' lists it)" };
        var permissions = ImportCommand.PermissionOption();
        var yes = ImportCommand.YesOption();
        var all = ImportCommand.AllOption();
        var message = InvitationChoices.MessageOption();
        var expiresIn = InvitationChoices.ExpiresInOption();
        var confirmPrivileged = InvitationChoices.ConfirmPrivilegedOption();
        var command = new Command("apply", "Invite the valid users of an import already checked") { id, permissions, yes, all, message, expiresIn, confirmPrivileged };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var importId = parse.GetRequiredValue(id);
            IReadOnlyList<string> grants = [.. parse.GetValue(permissions) ?? []];
            var choices = InvitationChoices.From(parse, message, expiresIn, confirmPrivileged);
            var import = await session.Client.GetImportAsync(importId, cancellationToken);
            var privileged = await PermissionPreCheck.RunAsync(session, import.OrganizationId, grants, "Nothing was applied.", cancellationToken);
            var check = await Busy.RunAsync(session, "Checking…", () => session.Client.CheckAsync(importId, cancellationToken));
            return await new ApplyFlow(session, import.OrganizationId, grants, choices, privileged, parse.GetValue(yes), parse.GetValue(all)).RunAsync(check, cancellationToken);
        });
        return command;
    }
}
