using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>
/// bulkinvite fix IMPORT_ID --row N [--email …] [--first-name …] [--last-name …] [--description …]:
/// changes cells of one row of a checked import in place, from the row's revision as read just
/// before, and prints the row's diagnostics and the import's counts after the change.
/// </summary>
internal static class FixCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var id = new Argument<string>("IMPORT_ID") { Description = "The import's id (as import printed it, or as 'bulkinvite imports' lists it)" };
        var row = new Option<int>("--row") { Description = "The row to change, numbered as the spreadsheet shows it (the header is row 1)", HelpName = "N", Required = true };
        var email = new Option<string?>("--email") { Description = "The new Email cell", HelpName = "EMAIL" };
        var firstName = new Option<string?>("--first-name") { Description = "The new First name cell", HelpName = "NAME" };
        var lastName = new Option<string?>("--last-name") { Description = "The new Last name cell", HelpName = "NAME" };
        var description = new Option<string?>("--description") { Description = "The new Description cell (\"\" empties it)", HelpName = "TEXT" };
        var command = new Command("fix", "Change cells of a row of a checked import, without uploading the file again") { id, row, email, firstName, lastName, description };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var importId = parse.GetRequiredValue(id);
            var rowNumber = parse.GetValue(row);
            var edit = new RowEdit { RowNumber = rowNumber };
            SetIfGiven(parse.GetValue(email), v => edit.Email = v);
            SetIfGiven(parse.GetValue(firstName), v => edit.FirstName = v);
            SetIfGiven(parse.GetValue(lastName), v => edit.LastName = v);
            SetIfGiven(parse.GetValue(description), v => edit.Description = v);
            if (!edit.HasEmail && !edit.HasFirstName && !edit.HasLastName && !edit.HasDescription)
            {
                throw new UsageException("Say what to change: --email, --first-name, --last-name or --description.");
            }

            var current = await session.Client.GetImportRowAsync(importId, rowNumber, cancellationToken)
                ?? throw new UsageException($"The import has no row {rowNumber} (rows are numbered as the spreadsheet shows them; a removed row is gone).");
            edit.ExpectedRevision = current.Revision;
            var result = await session.Client.UpdateImportRowsAsync(importId, [edit], cancellationToken);
            var changed = result.Rows.Single();
            if (session.Json)
            {
                Json.Write(console, new JsonObject
                {
                    ["row"] = Json.Of(changed),
                    ["affectedRowNumbers"] = new JsonArray([.. result.AffectedRowNumbers.Select(n => JsonValue.Create(n))]),
                    ["import"] = Json.Of(result.Import),
                });
                return ExitCodes.Ok;
            }

            RowView.Write(console.Out, changed);
            if (result.AffectedRowNumbers.Count > 0)
            {
                console.Out.MarkupLineInterpolated($"Rows whose duplicate changed with it: {string.Join(", ", result.AffectedRowNumbers)}.");
            }

            RowView.WriteCounts(console.Out, result.Import);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void SetIfGiven(string? value, Action<string> set)
    {
        if (value is not null)
        {
            set(value);
        }
    }
}
