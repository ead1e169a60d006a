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
    /// Runs bulkinvite on a real pseudo-terminal <paramref name="columns"/> wide, as a person at a
    /// terminal runs it, typing <paramref name="answer"/> and Enter when it asks a yes/no question.
    /// </summary>
    public static Task<(int ExitCode, string Screen)> RunOnTerminalAsync(string server, string token, int columns, string? answer, params string[] args) =>
        PseudoTerminal.RunAsync(
            $"exec dotnet {string.Join(' ', args.Prepend(CliPath()).Select(PseudoTerminal.Quote))}",
            new Dictionary<string, string?> { ["BULKINVITE_SERVER"] = server, ["BULKINVITE_TOKEN"] = token, ["BULKINVITE_ORG"] = null },
            columns,
            answer,
            Directory.GetCurrentDirectory(),
            TimeSpan.FromSeconds(60));

    /// <summary>BulkInvite.Cli.dll in the tool's own output folder (see the test project file).</summary>
    private static string CliPath()
    {
        var path = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BulkInviteCliPath").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException("Build BulkInvite.Cli first.", path);
    }
}
