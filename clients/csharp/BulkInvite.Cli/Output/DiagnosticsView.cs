using System.Globalization;
using BulkInvite.Client;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>
/// A check's result for people: a summary line, then errors and warnings grouped by code, each code
/// with its count, a few example rows and what applying will do with them. Errors list their first
/// rows (row, column, value, problem) so they can be fixed; --all lists every row of every code.
/// </summary>
internal static class DiagnosticsView
{
    /// <summary>How many rows of each error code are listed without --all.</summary>
    public const int ErrorRowsPerCode = 10;

    /// <summary>How many row numbers a code's summary line names.</summary>
    public const int ExampleRows = 5;

    public static void WriteSummary(IAnsiConsole console, CheckResult result)
    {
        var import = result.Import;
        console.MarkupLineInterpolated(
            $"Checked [bold]{import.FileName}[/] ({Names.Of(import.Format)}, {Sizes.Format(import.SizeBytes)}): {Plural(import.TotalRows, "row")}, [green]{import.ValidRows} valid[/], [red]{import.InvalidRows} with errors[/].");
    }

    public static void WriteRowDiagnostics(CliConsole console, CheckResult result, bool all)
    {
        var errors = result.RowDiagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var warnings = result.RowDiagnostics.Where(d => d.Severity != Severity.Error).ToList();
        if (errors.Count > 0)
        {
            console.Out.MarkupLineInterpolated($"[bold]Errors:[/] {Plural(result.Import.InvalidRows, "row")} will not be invited");
            foreach (var group in ByCode(errors))
            {
                WriteCodeLine(console.Out, group, "will not be invited");
                var shown = all ? group : group.Take(ErrorRowsPerCode).ToList();
                WriteRows(console, shown);
                if (shown.Count < group.Count)
                {
                    console.Out.MarkupLineInterpolated($"    … and {group.Count - shown.Count} more (--all lists every one)");
                }
            }
        }

        if (warnings.Count > 0)
        {
            console.Out.MarkupLine("[bold]Warnings:[/]");
            foreach (var group in ByCode(warnings))
            {
                WriteCodeLine(console.Out, group, Effect(group[0].Code));
                if (all)
                {
                    WriteRows(console, group);
                }
            }

            if (!all)
            {
                console.Out.MarkupLine("  (--all lists every row)");
            }
        }
    }

    public static void WriteFileDiagnostics(IAnsiConsole console, CheckResult result)
    {
        console.MarkupLineInterpolated($"[red]{result.Import.FileName} was rejected:[/]");
        foreach (var diagnostic in result.FileDiagnostics)
        {
            console.MarkupLineInterpolated($"  [bold]{Names.Of(diagnostic.Code)}[/]  {diagnostic.Message}");
        }
    }

    /// <summary>What applying does with a row that has this warning.</summary>
    private static string Effect(DiagnosticCode code) => code switch
    {
        DiagnosticCode.AlreadyInvited or DiagnosticCode.AlreadyMember => "will be skipped",
        _ => "will be invited as written",
    };

    // ALREADY_INVITED × 17 — rows 3, 8, 12, 15, 20, … (will be skipped)
    private static void WriteCodeLine(IAnsiConsole console, List<Diagnostic> group, string effect)
    {
        var rows = group.Select(d => d.RowNumber).Distinct().ToList();
        var examples = string.Join(", ", rows.Take(ExampleRows).Select(r => r.ToString(CultureInfo.InvariantCulture)));
        var more = rows.Count > ExampleRows ? ", …" : "";
        console.MarkupLineInterpolated(
            $"  [bold]{Names.Of(group[0].Code)}[/] × {group.Count} — {(rows.Count == 1 ? "row" : "rows")} {examples}{more} ({effect})");
    }

    private static void WriteRows(CliConsole console, IReadOnlyList<Diagnostic> diagnostics)
    {
        var table = new RecordTable(
            new RecordColumn("Code", PipedOnly: true),
            new RecordColumn("Row"),
            new RecordColumn("Column"),
            new RecordColumn("Value"),
            new RecordColumn("Problem", Wrap: true));
        foreach (var d in diagnostics)
        {
            table.Add(Names.Of(d.Code), d.RowNumber.ToString(CultureInfo.InvariantCulture), d.Column, d.Value, d.Message);
        }

        table.Write(console);
    }

    private static IEnumerable<List<Diagnostic>> ByCode(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.GroupBy(d => d.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.ToList());

    public static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count} {noun}s");
}
