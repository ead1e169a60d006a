using System.CommandLine;
using System.CommandLine.Invocation;
using BulkInvite.Cli.Commands;

namespace BulkInvite.Cli;

/// <summary>The bulkinvite command line: its commands, and one entry point that tests call in-process.</summary>
internal static class BulkInviteCli
{
    /// <summary>Parses <paramref name="args"/>, runs the command on <paramref name="console"/> and returns the exit code.</summary>
    /// <param name="handleTermination">Turn Ctrl+C into cancellation (the real process only; tests run many at once).</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, bool handleTermination = false, CancellationToken cancellationToken = default)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("Invite a batch of users to an organization from a spreadsheet, through the BulkInvite service.")
        {
            ImportCommand.Create(options, console),
            ApplyCommand.Create(options, console),
            CheckCommand.Create(options, console),
            FixCommand.Create(options, console),
            RemoveCommand.Create(options, console),
            SampleCommand.Create(options, console),
            PermissionsCommand.Create(options, console),
            ImportsCommand.Create(options, console),
            InvitationsCommand.Create(options, console),
            MembersCommand.Create(options, console),
            AuditCommand.Create(options, console),
        };
        options.AddTo(root);

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction parseError)
        {
            // Usage errors go to stderr alone: stdout stays empty, or JSON-only with --output json.
            parseError.ShowHelp = false;
        }

        return await parseResult.InvokeAsync(
            new InvocationConfiguration
            {
                Output = console.Out.Profile.Out.Writer,
                Error = console.Error.Profile.Out.Writer,
                ProcessTerminationTimeout = handleTermination ? TimeSpan.FromSeconds(2) : null,
            },
            cancellationToken);
    }
}
