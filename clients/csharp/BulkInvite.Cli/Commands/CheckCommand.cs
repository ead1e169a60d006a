using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.Client;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite check IMPORT_ID: an import's diagnostics again (it is checked first if it was only uploaded), in the same view as import.</summary>
internal static class CheckCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var id = new Argument<string>("IMPORT_ID") { Description = "The import's id (as import printed it, or as 'bulkinvite imports' lists it)" };
        var all = ImportCommand.AllOption();
        var report = new ReportOption();
        var command = new Command("check", "Show an import's check: its problems and what applying it will do") { id, all };
        report.AddTo(command);
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var importId = parse.GetRequiredValue(id);
            var reportFile = report.Read(parse);
            var check = await Busy.RunAsync(session, "Checking…", () => session.Client.CheckAsync(importId, cancellationToken));
            var exitCode = Show(console, session, check, parse.GetValue(all));
            if (reportFile is { } wanted && !check.IsRejected)
            {
                await ReportOption.WriteAsync(session, importId, wanted, cancellationToken);
            }

            return exitCode;
        });
        return command;
    }

    private static int Show(CliConsole console, Session session, CheckResult check, bool all)
    {
        if (session.Json)
        {
            Json.Write(console, new JsonObject
            {
                ["import"] = Json.Of(check.Import),
                ["fileDiagnostics"] = Json.Of(check.FileDiagnostics),
                ["rowDiagnostics"] = Json.Of(check.RowDiagnostics),
                ["toInvite"] = check.Import.State == ImportState.Checked ? check.RowsToInvite : 0,
                ["alreadyInvited"] = check.AlreadyInvitedRows,
                ["alreadyMembers"] = check.AlreadyMemberRows,
            });
            return check.IsRejected ? ExitCodes.Rejected : ExitCodes.Ok;
        }

        if (check.IsRejected)
        {
            DiagnosticsView.WriteFileDiagnostics(console.Out, check);
            return ExitCodes.Rejected;
        }

        DiagnosticsView.WriteSummary(console.Out, check);
        DiagnosticsView.WriteRowDiagnostics(console, check, all);
        var import = check.Import;
        if (import.State == ImportState.Applied)
        {
            console.Out.MarkupLineInterpolated(
                $"Applied with {string.Join(", ", import.Permissions)}: {InviteText.Users(import.InvitedCount)} invited to {import.OrganizationId}{(import.SkippedCount > 0 ? $" ({import.SkippedCount} skipped)" : "")}.");
        }
        else if (import.ValidRows == 0)
        {
            console.Out.MarkupLine("Nothing to invite: every row has errors.");
        }
        else if (check.RowsToInvite == 0)
        {
            console.Out.MarkupLineInterpolated($"{InviteText.NobodyToInvite(check)}");
        }
        else
        {
            console.Out.MarkupLineInterpolated($"{InviteText.Plan(check)} To invite them: bulkinvite apply {import.ImportId} --permission P");
        }

        return ExitCodes.Ok;
    }
}
