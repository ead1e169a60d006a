using System.CommandLine;
using BulkInvite.Cli.Output;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>
/// --report FILE [--report-rows-to-fix] on import and check: writes the import's results file (every
/// row with its status and reason, or only the rows to fix, ready to correct and upload again), in
/// the format its extension names (.csv or .xlsx).
/// </summary>
internal sealed class ReportOption
{
    private readonly Option<FileInfo?> _file = new("--report")
    {
        Description = "Write the results file here: every row with its status and reason (.csv or .xlsx, from the extension)",
        HelpName = "FILE",
    };

    private readonly Option<bool> _rowsToFix = new("--report-rows-to-fix")
    {
        Description = "With --report: only the rows with errors, as Email, First name, Last name, Description and Reason, ready to correct and upload again",
    };

    public void AddTo(Command command)
    {
        command.Add(_file);
        command.Add(_rowsToFix);
    }

    /// <summary>The report's file and format, checked before anything is uploaded; null without --report.</summary>
    public (FileInfo File, FileFormat Format, bool RowsToFix)? Read(ParseResult parse)
    {
        if (parse.GetValue(_file) is not { } file)
        {
            return parse.GetValue(_rowsToFix) ? throw new UsageException("--report-rows-to-fix needs --report FILE.") : null;
        }

        var format = file.Extension.ToUpperInvariant() switch
        {
            ".CSV" => FileFormat.Csv,
            ".XLSX" => FileFormat.Xlsx,
            _ => throw new UsageException($"The report is written as .csv or .xlsx, from its extension; {file.Name} has neither."),
        };
        return (file, format, parse.GetValue(_rowsToFix));
    }

    /// <summary>Downloads beside the destination first, so a failed download leaves no half file behind.</summary>
    public static async Task WriteAsync(Session session, string importId, (FileInfo File, FileFormat Format, bool RowsToFix) report, CancellationToken cancellationToken)
    {
        var (file, format, rowsToFix) = report;
        var partial = Path.Combine(file.DirectoryName ?? Directory.GetCurrentDirectory(), $".bulkinvite-report-{Guid.NewGuid():N}.part");
        try
        {
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await session.Client.ExportResultsAsync(importId, format, rowsToFix ? ResultsScope.RowsToFix : ResultsScope.AllRows, stream, cancellationToken);
            }

            File.Move(partial, file.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        // Beside JSON on stdout, the line goes to stderr.
        var console = session.Json ? session.Console.Error : session.Console.Out;
        console.MarkupLineInterpolated($"Wrote the {(rowsToFix ? "rows to fix" : "results")} to {file.FullName}.");
    }
}
