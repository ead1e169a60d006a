using System.Globalization;
using BulkInvite.Client;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>A check's result for people: a summary line, then errors and warnings in separate tables.</summary>
internal static class DiagnosticsView
{
    /// <summary>How many diagnostics of each kind are shown without --all.</summary>
    public const int DefaultLimit = 50;

    public static void WriteSummary(IAnsiConsole console, CheckResult result)
    {
        var import = result.Import;
        console.MarkupLineInterpolated(
            $"Checked [bold]{import.FileName}[/] ({Names.Of(import.Format)}, {Sizes.Format(import.SizeBytes)}): {Rows(import.TotalRows)}, [green]{import.ValidRows} valid[/], [red]{import.InvalidRows} with errors[/].");
    }

    public static void WriteRowDiagnostics(IAnsiConsole console, CheckResult result, bool all)
    {
        var errors = result.RowDiagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var warnings = result.RowDiagnostics.Where(d => d.Severity != Severity.Error).ToList();
        WriteTable(console, $"Errors ({errors.Count}): these rows will not be invited", "error", errors, all);
        WriteTable(console, $"Warnings ({warnings.Count}): these rows will be invited", "warning", warnings, all);
    }

    public static void WriteFileDiagnostics(IAnsiConsole console, CheckResult result)
    {
        console.MarkupLineInterpolated($"[red]{result.Import.FileName} was rejected:[/]");
        foreach (var diagnostic in result.FileDiagnostics)
        {
            console.MarkupLineInterpolated($"  [bold]{Names.Of(diagnostic.Code)}[/]  {diagnostic.Message}");
        }
    }

    private static void WriteTable(IAnsiConsole console, string title, string kind, List<Diagnostic> diagnostics, bool all)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        var shown = all ? diagnostics : diagnostics.Take(DefaultLimit).ToList();
        console.MarkupLineInterpolated($"[bold]{title}[/]");
        var table = new Table().AddColumns("Row", "Column", "Problem", "Value");
        foreach (var d in shown)
        {
            table.AddRow(
                new Text(d.RowNumber.ToString(CultureInfo.InvariantCulture)),
                new Text(d.Column),
                new Markup($"[bold]{Names.Of(d.Code)}[/]\n{Markup.Escape(d.Message)}"),
                new Text(d.Value));
        }

        console.Write(table);
        var rest = diagnostics.Count - shown.Count;
        if (rest > 0)
        {
            console.MarkupLineInterpolated($"… and {rest} more {kind}{(rest == 1 ? "" : "s")} (--all shows every one).");
        }
    }

    private static string Rows(int count) => count == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{count} rows");
}
