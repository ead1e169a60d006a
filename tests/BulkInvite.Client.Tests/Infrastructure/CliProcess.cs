using System.Diagnostics;
using System.Reflection;

namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>Runs bulkinvite as its own process (dotnet BulkInvite.Cli.dll …) with stdin, stdout and stderr redirected.</summary>
public static class CliProcess
{
    /// <summary>Runs bulkinvite with BULKINVITE_SERVER and BULKINVITE_TOKEN (none with null) as its only BULKINVITE_* settings.</summary>
    public static async Task<CliResult> RunAsync(string server, string? token, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(CliPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["BULKINVITE_SERVER"] = server;
        if (token is null)
        {
            start.Environment.Remove("BULKINVITE_TOKEN");
        }
        else
        {
            start.Environment["BULKINVITE_TOKEN"] = token;
        }

        start.Environment.Remove("BULKINVITE_ORG");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bulkinvite {string.Join(' ', args)} did not exit within 60 s.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Runs bulkinvite on a real pseudo-terminal <paramref name="columns"/> wide (util-linux
    /// `script`), as a person at a terminal runs it, and types <paramref name="answer"/> and Enter
    /// when it asks a yes/no question. Returns its exit code and the screen's text, without the
    /// terminal's escape sequences.
    /// </summary>
    public static async Task<(int ExitCode, string Screen)> RunOnTerminalAsync(string server, string token, int columns, string? answer, params string[] args)
    {
        var command = $"stty cols {columns} rows 50; exec dotnet {string.Join(' ', args.Prepend(CliPath()).Select(Quote))}";
        var start = new ProcessStartInfo("script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--quiet", "--return", "--command", command, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BULKINVITE_SERVER"] = server;
        start.Environment["BULKINVITE_TOKEN"] = token;
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("BULKINVITE_ORG");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("script did not start.");
        var screen = new System.Text.StringBuilder();
        var reading = ReadAllAsync(process.StandardOutput, screen);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            if (answer is not null)
            {
                while (!Text(screen).Contains("[y/n]", StringComparison.Ordinal) && !process.HasExited)
                {
                    await Task.Delay(100, timeout.Token);
                }

                await process.StandardInput.WriteAsync($"{answer}\r");
                await process.StandardInput.FlushAsync(timeout.Token);
            }

            await process.WaitForExitAsync(timeout.Token);
            await reading;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bulkinvite {string.Join(' ', args)} did not exit within 60 s on a terminal:\n{Text(screen)}");
        }

        return (process.ExitCode, Clean(Text(screen)));
    }

    private static async Task ReadAllAsync(StreamReader reader, System.Text.StringBuilder into)
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

    private static string Text(System.Text.StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    /// <summary>The text a person reads: no escape sequences (colors, cursor moves), no carriage returns.</summary>
    private static string Clean(string screen) =>
        System.Text.RegularExpressions.Regex.Replace(screen, @"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "").Replace("\r", "", StringComparison.Ordinal);

    private static string Quote(string argument) => $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>BulkInvite.Cli.dll in the tool's own output folder (see the test project file).</summary>
    private static string CliPath()
    {
        var path = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BulkInviteCliPath").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException("Build BulkInvite.Cli first.", path);
    }
}
