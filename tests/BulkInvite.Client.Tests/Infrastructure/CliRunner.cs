using BulkInvite.Cli;
using Spectre.Console;
using Spectre.Console.Testing;

namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>What a run of bulkinvite left: its exit code and what it wrote to stdout and stderr.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>
/// Runs bulkinvite in-process through <see cref="BulkInviteCli.RunAsync"/>, as it runs with stdout and stderr
/// redirected to files: no colors, no live rendering, no prompts. The environment holds only
/// BULKINVITE_SERVER (the test server) and BULKINVITE_TOKEN (unless the token is null), or what a
/// test passes.
/// </summary>
public sealed class CliRunner(string serverUrl, string? token)
{
    /// <summary>The environment this runner gives bulkinvite.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = token is null
        ? new Dictionary<string, string> { ["BULKINVITE_SERVER"] = serverUrl }
        : new Dictionary<string, string> { ["BULKINVITE_SERVER"] = serverUrl, ["BULKINVITE_TOKEN"] = token };

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(args, Environment);

    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole
        {
            Out = Redirected(output),
            Error = Redirected(error),
            GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
        };

        var exitCode = await BulkInviteCli.RunAsync(args, console, cancellationToken: TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs with a terminal on stderr: live progress, and prompts answered from <paramref name="terminal"/>'s input.</summary>
    public async Task<(CliResult Result, TestConsole Terminal)> RunOnTerminalAsync(TestConsole terminal, params string[] args)
    {
        using var output = new StringWriter();
        var console = new CliConsole
        {
            Out = Redirected(output),
            Error = terminal,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        };

        var exitCode = await BulkInviteCli.RunAsync(args, console, cancellationToken: TestContext.Current.CancellationToken);
        return (new CliResult(exitCode, output.ToString(), terminal.Output), terminal);
    }

    /// <summary>Runs with stdout on a terminal <paramref name="width"/> columns wide (stderr redirected): records are drawn as tables.</summary>
    public async Task<CliResult> RunWithTerminalOutAsync(int width, params string[] args)
    {
        using var terminal = new TestConsole().Width(width);
        using var error = new StringWriter();
        var console = new CliConsole
        {
            Out = terminal,
            OutIsTerminal = true,
            Error = Redirected(error),
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        };

        var exitCode = await BulkInviteCli.RunAsync(args, console, cancellationToken: TestContext.Current.CancellationToken);
        return new CliResult(exitCode, terminal.Output, error.ToString());
    }

    private static IAnsiConsole Redirected(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = CliConsole.RedirectedWidth;
        return console;
    }
}
