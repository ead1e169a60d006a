using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Serialization;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: smtp4dev (the Rnwood.Smtp4dev dotnet tool of the repository's
/// tool manifest, restored on first use) on 127.0.0.1, with an in-memory database, read back through
/// its HTTP API. Stopped, with its process tree, on dispose.
/// </summary>
public sealed class Smtp4dev : IAsyncDisposable
{
    private static readonly Lazy<Task> Restore = new(() => RunToolRestoreAsync());

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataFolder;
    private readonly HttpClient _http;

    private Smtp4dev(int smtpPort)
    {
        SmtpPort = smtpPort;
        var webPort = FreePort();
        _dataFolder = Path.Combine(Path.GetTempPath(), "bulkinvite-tests", "smtp4dev-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataFolder);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev",
            $"--smtpport={smtpPort}", "--bindaddress=127.0.0.1", $"--urls=http://127.0.0.1:{webPort}",
            "--db=", "--imapport=", "--pop3port=", $"--baseappdatapath={_dataFolder}", "--nousersettings", "--messagestokeep=10000",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int SmtpPort { get; }

    /// <summary>Starts smtp4dev on the given SMTP port (a free one by default) and waits until it takes mail.</summary>
    public static async Task<Smtp4dev> StartAsync(int? smtpPort = null)
    {
        await Restore.Value;
        var server = new Smtp4dev(smtpPort ?? FreePort());
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The settings that point the BulkInvite server at this SMTP server.</summary>
    public static Dictionary<string, string?> ServerSettings(int smtpPort) => new()
    {
        ["Email:Mode"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:Timeout"] = "00:00:05",
    };

    /// <summary>Every message received, with its plain-text body.</summary>
    public async Task<List<ReceivedMessage>> MessagesAsync()
    {
        var page = await _http.GetFromJsonAsync<MessagePage>("api/messages?pageSize=10000", TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("smtp4dev returned no message list.");
        var messages = new List<ReceivedMessage>();
        foreach (var summary in page.Results)
        {
            var text = await _http.GetStringAsync($"api/messages/{summary.Id}/plaintext", TestContext.Current.CancellationToken);
            messages.Add(new ReceivedMessage(summary.Id, summary.To.Single(), summary.Subject, text));
        }

        return messages;
    }

    /// <summary>The HTML body of a received message.</summary>
    public async Task<string> HtmlAsync(string messageId) =>
        await _http.GetStringAsync($"api/messages/{messageId}/html", TestContext.Current.CancellationToken);

    /// <summary>The messages to addresses of one domain: what one test sent.</summary>
    public async Task<List<ReceivedMessage>> MessagesToAsync(string domain) =>
        (await MessagesAsync()).Where(m => m.To.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)).ToList();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting process; the temp folder is cleaned up eventually.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await _http.GetAsync("api/messages", TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode && await SmtpAnswersAsync())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"smtp4dev did not start (exited: {_process.HasExited}).\n{Output}");
    }

    private async Task<bool> SmtpAnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, SmtpPort, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>The folder with .config/dotnet-tools.json, where `dotnet tool run` finds smtp4dev.</summary>
    private static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, ".config", "dotnet-tools.json")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("No .config/dotnet-tools.json above " + AppContext.BaseDirectory);
        }
    }

    private static async Task RunToolRestoreAsync()
    {
        var start = new ProcessStartInfo("dotnet", "tool restore") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet tool restore did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool restore failed:\n{await output}\n{await error}");
        }
    }

    private sealed record MessagePage([property: JsonPropertyName("results")] List<MessageSummary> Results);

    private sealed record MessageSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("to")] List<string> To,
        [property: JsonPropertyName("subject")] string Subject);
}

/// <summary>A message smtp4dev received.</summary>
public sealed record ReceivedMessage(string Id, string To, string Subject, string Text);
