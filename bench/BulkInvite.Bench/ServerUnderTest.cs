using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using BulkInvite.Client;
using BulkInvite.Server.Security;

namespace BulkInvite.Bench;

/// <summary>Which server build runs, and how: its folder, extra environment, and its store.</summary>
/// <param name="ServerFolder">The folder holding BulkInvite.Server.dll; null for the one built beside the benchmark.</param>
/// <param name="Environment">Variables added to the server's environment (a runtime knob, a setting such as BulkInvite__CheckWhileUploading).</param>
/// <param name="PostgresConnectionString">Runs the server on this PostgreSQL database instead of its own SQLite file.</param>
public sealed record ServerSetup(string? ServerFolder = null, IReadOnlyDictionary<string, string>? Environment = null, string? PostgresConnectionString = null)
{
    public static ServerSetup Default { get; } = new();

    public string Folder => ServerFolder ?? AppContext.BaseDirectory;

    /// <summary>This setup with one more environment variable.</summary>
    public ServerSetup With(string name, string value) =>
        this with { Environment = new Dictionary<string, string>(Environment ?? new Dictionary<string, string>()) { [name] = value } };
}

/// <summary>
/// The real server in its own process (Production, a fresh working folder and database, a signing key
/// of its own, the rate limit raised for load), with its peak resident memory read from /proc.
/// </summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TokenSettings _tokens = new() { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
    private readonly Stopwatch _sinceStart;

    private ServerUnderTest(string folder, ServerSetup setup)
    {
        Folder = folder;
        Url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(setup.Folder, "BulkInvite.Server.dll"), "--urls", Url, "--contentRoot", setup.Folder },
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Authentication__SigningKey"] = _tokens.SigningKey;
        start.Environment["RateLimiting__RequestsPerSecond"] = "100000";
        start.Environment["RateLimiting__Burst"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (setup.PostgresConnectionString is { } postgres)
        {
            start.Environment["Storage__Provider"] = "postgres";
            start.Environment["ConnectionStrings__BulkInvite"] = postgres;
        }

        foreach (var (name, value) in setup.Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _sinceStart = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Url { get; }

    public string Folder { get; }

    /// <summary>From starting the process to its first answered call.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static async Task<ServerUnderTest> StartAsync(string folder, ServerSetup? setup = null)
    {
        Directory.CreateDirectory(folder);
        var server = new ServerUnderTest(folder, setup ?? ServerSetup.Default);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // The port first, every 10 ms: a gRPC channel refused a connection waits a second before it tries again.
        await server.WaitForPortAsync(deadline);
        using var probe = server.ClientFor("probe");
        while (true)
        {
            try
            {
                await probe.ListPermissionsAsync();
                server.StartupTime = server._sinceStart.Elapsed;
                return server;
            }
            catch (BulkInviteException) when (DateTime.UtcNow < deadline && !server._process.HasExited)
            {
                await Task.Delay(10);
            }
        }
    }

    private async Task WaitForPortAsync(DateTime deadline)
    {
        var port = new Uri(Url).Port;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            using var socket = new TcpClient();
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(10);
            }
        }
    }

    /// <summary>A client acting as an admin of the organization.</summary>
    public BulkInviteClient ClientFor(string organizationId)
    {
        var now = DateTimeOffset.UtcNow;
        var token = TokenIssuer.Mint(_tokens, "bench", organizationId, ["organization.admin"], now, now.AddHours(4));
        return new BulkInviteClient(Url, new BulkInviteClientOptions { Token = token });
    }

    /// <summary>The most resident memory the server process has used so far (VmHWM), in bytes.</summary>
    public long PeakResidentBytes() => ReadStatusKilobytes(_process.Id, "VmHWM:") * 1024;

    /// <summary>
    /// The processor time the server process has used so far (user + system, every thread), in seconds:
    /// on a shared machine it moves far less with the load than the elapsed time does.
    /// </summary>
    public double CpuSeconds()
    {
        // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" that ends the command name.
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / (double)ClockTicksPerSecond;
    }

    // USER_HZ, which Linux fixes at 100 for what /proc reports.
    private const int ClockTicksPerSecond = 100;

    /// <summary>The resident memory of the server process now (VmRSS), in bytes.</summary>
    public long ResidentBytes() => ReadStatusKilobytes(_process.Id, "VmRSS:") * 1024;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    internal static long ReadStatusKilobytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
