using System.CommandLine;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite sample [--format csv|xlsx] [-o FILE]: a file that passes the check, to start from (CSV unless told).</summary>
internal static class SampleCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "The file format", HelpName = "csv|xlsx", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var file = new Option<FileInfo?>("--file", "-o") { Description = "Where to write it [default: the server's name for it, in the current folder]", HelpName = "FILE" };
        var command = new Command("sample", "Download a sample file with the expected columns, which passes the check") { format, file };
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var fileFormat = parse.GetRequiredValue(format) == "xlsx" ? FileFormat.Xlsx : FileFormat.Csv;
            var (path, size) = await DownloadAsync(session, fileFormat, parse.GetValue(file), cancellationToken);
            if (session.Json)
            {
                Json.Write(console, new JsonObject { ["path"] = path, ["sizeBytes"] = size });
            }
            else
            {
                console.Out.MarkupLineInterpolated($"Wrote {path} ({Sizes.Format(size)}).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Downloads beside the destination first, so a failed download leaves no half file behind.</summary>
    private static async Task<(string Path, long Size)> DownloadAsync(Session session, FileFormat format, FileInfo? destination, CancellationToken cancellationToken)
    {
        var folder = destination?.DirectoryName ?? Directory.GetCurrentDirectory();
        var partial = Path.Combine(folder, $".bulkinvite-sample-{Guid.NewGuid():N}.part");
        try
        {
            string suggested;
            long size;
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                suggested = await session.Client.DownloadSampleAsync(format, stream, cancellationToken);
                size = stream.Length;
            }

            var path = destination?.FullName ?? Path.Combine(folder, Path.GetFileName(suggested));
            File.Move(partial, path, overwrite: true);
            return (path, size);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
