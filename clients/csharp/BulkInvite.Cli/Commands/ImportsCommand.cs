using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite imports [--org ORG] and bulkinvite imports show ID.</summary>
internal static class ImportsCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var org = ImportCommand.OrgOption("The organization whose imports to list");
        var command = new Command("imports", "List an organization's imports, newest first") { org, CreateShow(options, console) };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var organization = session.Organization(parse.GetValue(org), "the server lists imports one organization at a time");
            var imports = new List<Import>();
            await foreach (var import in session.Client.ListImportsAsync(organization, cancellationToken))
            {
                imports.Add(import);
            }

            if (session.Json)
            {
                Json.Write(console, new JsonObject { ["imports"] = Json.Of(imports) });
            }
            else if (imports.Count == 0)
            {
                console.Out.MarkupLineInterpolated($"No imports for {organization}.");
            }
            else
            {
                ImportView.WriteMany(console, imports);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateShow(GlobalOptions options, CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "The import's id, as 'bulkinvite imports' lists it" };
        var command = new Command("show", "Show one import") { id };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var import = await session.Client.GetImportAsync(parse.GetRequiredValue(id), cancellationToken);
            if (session.Json)
            {
                Json.Write(console, new JsonObject { ["import"] = Json.Of(import) });
            }
            else
            {
                ImportView.WriteOne(console.Out, import);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
