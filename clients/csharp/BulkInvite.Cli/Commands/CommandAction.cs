using System.CommandLine;
using BulkInvite.Cli.Output;
using BulkInvite.Client;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>Runs a command's body in a <see cref="Session"/> and turns what it throws into an exit code.</summary>
internal static class CommandAction
{
    public static void Set(Command command, GlobalOptions options, CliConsole console, Func<ParseResult, Session, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var session = new Session(parseResult, options, console);
            try
            {
                return await body(parseResult, session, cancellationToken);
            }
            catch (BulkInviteException e)
            {
                return ErrorReport.Write(session, e);
            }
            catch (UsageException e)
            {
                console.Error.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
                return ExitCodes.Usage;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                console.Error.MarkupLine("Cancelled.");
                return ExitCodes.Cancelled;
            }
        });
}
