using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.Client;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>
/// What `import` and `apply` share once a check is at hand: show it, say exactly what applying will
/// do, ask (unless --yes), apply, and say what it did. Granting a privileged permission is asked
/// about in words of its own, which --yes does not answer (--confirm-privileged does). When nothing is
/// applied, the import stays checked and the next commands to continue are printed.
/// </summary>
/// <param name="privileged">The privileged permissions among <paramref name="permissions"/>.</param>
internal sealed class ApplyFlow(
    Session session, string organization, IReadOnlyList<string> permissions, InvitationChoices choices, IReadOnlyList<Permission> privileged, bool yes, bool all)
{
    private bool _privilegedConfirmed;

    private readonly IAnsiConsole _out = session.Console.Out;
    private readonly IAnsiConsole _err = session.Console.Error;

    public async Task<int> RunAsync(CheckResult check, CancellationToken cancellationToken)
    {
        if (check.IsRejected)
        {
            return Rejected(check);
        }

        if (check.Import.State == ImportState.Applied)
        {
            return await AlreadyAppliedAsync(check, cancellationToken);
        }

        if (!session.Json)
        {
            DiagnosticsView.WriteSummary(_out, check);
            DiagnosticsView.WriteRowDiagnostics(session.Console, check, all);
        }

        if (check.Import.ValidRows == 0)
        {
            _err.MarkupLine("Nothing to invite: every row has errors. Fix them and import the file again.");
            WriteJson(check, applied: null);
            return ExitCodes.Rejected;
        }

        if (check.RowsToInvite == 0)
        {
            _err.MarkupLineInterpolated($"{InviteText.NobodyToInvite(check)} Nothing was applied.");
            WriteJson(check, applied: null);
            return ExitCodes.NobodyToInvite;
        }

        if (!session.Json)
        {
            _out.MarkupLineInterpolated($"{InviteText.Plan(check)}");
        }

        if (!await ConfirmAsync(check, cancellationToken))
        {
            WriteNextSteps(check.Import.ImportId);
            WriteJson(check, applied: null);
            return ExitCodes.Usage;
        }

        var applied = await Busy.RunAsync(session, "Inviting…",
            () => session.Client.ApplyAsync(check.Import.ImportId, permissions, choices.ToApplyOptions(_privilegedConfirmed), cancellationToken));
        if (session.Json)
        {
            WriteJson(check with { Import = applied.Import }, applied);
        }
        else
        {
            _out.MarkupLineInterpolated($"[green]{InviteText.Result(applied, check, organization)}[/]");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Applying again with the same permissions returns the stored result (the server refuses other permissions).</summary>
    private async Task<int> AlreadyAppliedAsync(CheckResult check, CancellationToken cancellationToken)
    {
        var applied = await session.Client.ApplyAsync(check.Import.ImportId, permissions, cancellationToken);
        if (session.Json)
        {
            WriteJson(check with { Import = applied.Import }, applied);
        }
        else
        {
            _out.MarkupLineInterpolated($"The import {check.Import.ImportId} was already applied: {InviteText.Result(applied, check, organization)}.");
        }

        return ExitCodes.Ok;
    }

    private int Rejected(CheckResult check)
    {
        if (session.Json)
        {
            WriteJson(check, applied: null);
        }
        else
        {
            DiagnosticsView.WriteFileDiagnostics(_out, check);
        }

        _err.MarkupLine("[grey]Hint: fix the file and import it again. 'bulkinvite sample' writes a file with the expected columns.[/]");
        return ExitCodes.Rejected;
    }

    private async Task<bool> ConfirmAsync(CheckResult check, CancellationToken cancellationToken)
    {
        if (!await ConfirmPrivilegedAsync(cancellationToken))
        {
            return false;
        }

        if (yes)
        {
            return true;
        }

        if (!session.Console.CanPrompt)
        {
            _err.MarkupLine("Nothing was applied: confirming needs an interactive terminal (pass --yes to apply without asking).");
            return false;
        }

        var question = InviteText.Question(check, organization, permissions);
        var confirmed = await new ConfirmationPrompt(Markup.Escape(question)) { DefaultValue = false }.ShowAsync(_err, cancellationToken);
        if (!confirmed)
        {
            _err.MarkupLine("Nothing was applied.");
        }

        return confirmed;
    }

    /// <summary>Every invited person will be able to invite others to acme. Continue?</summary>
    private async Task<bool> ConfirmPrivilegedAsync(CancellationToken cancellationToken)
    {
        if (privileged.Count == 0 || choices.ConfirmPrivileged)
        {
            return true;
        }

        var consequence = InviteText.Privileged(privileged, organization);
        if (yes || !session.Console.CanPrompt)
        {
            _err.MarkupLineInterpolated(
                $"Nothing was applied: {consequence} Pass --confirm-privileged to grant {(privileged.Count == 1 ? "it" : "them")} without being asked (--yes does not).");
            return false;
        }

        _privilegedConfirmed = await new ConfirmationPrompt(Markup.Escape($"{consequence} Continue?")) { DefaultValue = false }.ShowAsync(_err, cancellationToken);
        if (!_privilegedConfirmed)
        {
            _err.MarkupLine("Nothing was applied.");
        }

        return _privilegedConfirmed;
    }

    /// <summary>The import stays checked: its id and the exact commands that continue it, each on a line of its own to copy.</summary>
    private void WriteNextSteps(string importId)
    {
        var grants = string.Join(" ", permissions.Select(p => $"--permission {p}"));
        _err.MarkupLineInterpolated($"The import {importId} stays checked. To invite its users later (it asks again; --yes does not):");
        _err.MarkupLineInterpolated($"  bulkinvite apply {importId} {grants}{choices.Flags(privileged.Count > 0)}");
        _err.MarkupLine("To see its diagnostics again:");
        _err.MarkupLineInterpolated($"  bulkinvite check {importId}");
    }

    private void WriteJson(CheckResult check, ApplyPermissionsResponse? applied)
    {
        if (!session.Json)
        {
            return;
        }

        Json.Write(session.Console, new JsonObject
        {
            ["import"] = Json.Of(check.Import),
            ["fileDiagnostics"] = Json.Of(check.FileDiagnostics),
            ["rowDiagnostics"] = Json.Of(check.RowDiagnostics),
            ["toInvite"] = check.RowsToInvite,
            ["alreadyInvited"] = check.AlreadyInvitedRows,
            ["alreadyMembers"] = check.AlreadyMemberRows,
            ["applied"] = applied is not null,
            ["invitedCount"] = applied?.InvitedCount ?? 0,
            ["skippedCount"] = applied?.SkippedCount ?? 0,
        });
    }
}
