using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite remove IMPORT_ID --row N [--row M …]: removes rows of a checked import, so they are not invited.</summary>
internal static class RemoveCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var id = new Argument<string>("IMPORT_ID") { Description = "The import's id (as import printed it, or as 'bulkinvite imports' lists it)" };
        var rows = new Option<int[]>("--row") { Description = "A row to remove, numbered as the spreadsheet shows it; repeat it for several", HelpName = "N", Required = true };
        var command = new Command("remove", "Remove rows of a checked import: they will not be invited") { id, rows };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var rowNumbers = parse.GetRequiredValue(rows);
            var result = await session.Client.RemoveImportRowsAsync(parse.GetRequiredValue(id), rowNumbers, cancellationToken);
            if (session.Json)
            {
                Json.Write(console, new JsonObject
                {
                    ["affectedRowNumbers"] = new JsonArray([.. result.AffectedRowNumbers.Select(n => JsonValue.Create(n))]),
                    ["import"] = Json.Of(result.Import),
                });
                return ExitCodes.Ok;
            }

            console.Out.MarkupLineInterpolated($"Removed row{(rowNumbers.Length == 1 ? "" : "s")} {string.Join(", ", rowNumbers)}.");
            if (result.AffectedRowNumbers.Count > 0)
            {
                console.Out.MarkupLineInterpolated($"Rows whose duplicate changed with it: {string.Join(", ", result.AffectedRowNumbers)}.");
            }

            RowView.WriteCounts(console.Out, result.Import);
            return ExitCodes.Ok;
        });
        return command;
    }
}
