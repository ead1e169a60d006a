using Spectre.Console;

namespace BulkInvite.Cli;

/// <summary>
/// Where bulkinvite writes and what it may ask. Results (tables, summaries, JSON) go to
/// <see cref="Out"/>; progress, prompts, errors and hints go to <see cref="Error"/>, so stdout
/// stays clean when it is piped.
/// </summary>
internal sealed class CliConsole
{
    public required IAnsiConsole Out { get; init; }

    public required IAnsiConsole Error { get; init; }

    /// <summary>Reads BULKINVITE_* settings; tests pass their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// True when stdout is a terminal: records are drawn as tables fitted to its width. Otherwise
    /// (a pipe, a file) they are tab-separated lines, one per record.
    /// </summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>True when a question can be asked and answered: stdin and stderr are a terminal.</summary>
    public bool CanPrompt => Error.Profile.Capabilities.Interactive;

    /// <summary>True when a progress bar can redraw itself in place; false when stderr is redirected.</summary>
    public bool CanRenderLive => Error.Profile.Capabilities.Interactive && Error.Profile.Capabilities.Ansi;

    /// <summary>Prose written to a file or a pipe is not wrapped at 80 columns, so ids and messages stay whole for grep; records are tab-separated there.</summary>
    public const int RedirectedWidth = 250;

    public static CliConsole FromSystemConsole()
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = InteractionSupport.No,
        });
        var error = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = Console.IsInputRedirected || Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Yes,
        });
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = RedirectedWidth;
        }

        if (Console.IsErrorRedirected)
        {
            error.Profile.Width = RedirectedWidth;
        }

        return new CliConsole { Out = output, Error = error, OutIsTerminal = !Console.IsOutputRedirected };
    }
}
