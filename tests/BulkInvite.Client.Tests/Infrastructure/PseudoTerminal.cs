using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>
/// Runs a bash command on a real pseudo-terminal (util-linux `script`, in every Debian), so the
/// programs it starts see a terminal of a given width on stdin, stdout and stderr, as a person's do.
/// </summary>
public static partial class PseudoTerminal
{
    /// <summary>
    /// Runs <paramref name="command"/> and types <paramref name="answer"/> and Enter at each yes/no
    /// question ("[y/n]") it asks. Returns its exit code and the screen's text without the
    /// terminal's escape sequences. <paramref name="environment"/> sets (or, with null, removes) variables.
    /// </summary>
    public static async Task<(int ExitCode, string Screen)> RunAsync(
        string command, IReadOnlyDictionary<string, string?> environment, int columns, string? answer, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("script")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--quiet", "--return", "--command", $"stty cols {columns} rows 50; {command}", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TERM"] = "xterm-256color";
        start.Environment["SHELL"] = "/bin/bash";
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("script did not start.");
        var screen = new StringBuilder();
        var reading = ReadAllAsync(process.StandardOutput, screen);
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var answered = 0;
            while (!process.HasExited)
            {
                if (answer is not null && Questions(Text(screen)) > answered)
                {
                    answered++;
                    await process.StandardInput.WriteAsync($"{answer}\r");
                    await process.StandardInput.FlushAsync(deadline.Token);
                }

                await Task.Delay(100, deadline.Token);
            }

            await process.WaitForExitAsync(deadline.Token);
            await reading;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not exit within {timeout} on a terminal:\n{Clean(Text(screen))}");
        }

        return (process.ExitCode, Clean(Text(screen)) + await errors);
    }

    /// <summary>An argument quoted for bash.</summary>
    public static string Quote(string argument) => $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static int Questions(string screen) => screen.Split("[y/n]").Length - 1;

    private static async Task ReadAllAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    /// <summary>The text a person reads: no escape sequences (colors, cursor moves, titles), no carriage returns.</summary>
    private static string Clean(string screen) => EscapeSequence().Replace(screen, "").Replace("\r", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>]")]
    private static partial Regex EscapeSequence();
}
