using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>A row of an import after a fix, and the import's counts, for people.</summary>
internal static class RowView
{
    public static void Write(IAnsiConsole console, ImportRow row)
    {
        var cells = string.Join(", ", new[] { row.Email, row.FirstName, row.LastName, row.Description }.Where(c => c.Length > 0));
        var verdict = row.Valid ? "[green]valid[/]" : "[red]has errors[/]";
        console.MarkupLine(FormattableString.Invariant($"Row {row.RowNumber} (revision {row.Revision}): {Markup.Escape(cells)} — {verdict}"));
        foreach (var diagnostic in row.Diagnostics)
        {
            console.MarkupLineInterpolated($"  {Names.Of(diagnostic.Code)} {diagnostic.Column}: {diagnostic.Message}");
        }
    }

    public static void WriteCounts(IAnsiConsole console, Import import) =>
        console.MarkupLineInterpolated(
            $"Import {import.ImportId}: {import.TotalRows} rows, [green]{import.ValidRows} valid[/], [red]{import.InvalidRows} with errors[/], {import.WarningRows} with warnings.");
}
