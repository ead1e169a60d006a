using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite permissions: what --permission accepts.</summary>
internal static class PermissionsCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var command = new Command("permissions", "List the permissions that can be granted to invited users");
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var permissions = await session.Client.ListPermissionsAsync(cancellationToken);
            if (session.Json)
            {
                Json.Write(console, new JsonObject { ["permissions"] = Json.Of(permissions) });
                return ExitCodes.Ok;
            }

            var table = new RecordTable(new RecordColumn("Permission"), new RecordColumn("Description", Wrap: true));
            foreach (var permission in permissions)
            {
                table.Add(permission.Id, permission.Description);
            }

            table.Write(console);
            return ExitCodes.Ok;
        });
        return command;
    }
}
