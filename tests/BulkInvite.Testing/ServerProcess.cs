using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace BulkInvite.Testing;

/// <summary>
/// The server as users start it: `dotnet BulkInvite.Server.dll --urls http://127.0.0.1:PORT` in its own
/// process and working directory (so its database is `data/bulkinvite.db` there), ready once the
/// grpc.health.v1 service answers SERVING. It runs in Production with a signing key of its own
/// (<see cref="SigningKey"/>) unless the environment given says otherwise. With a page port, it also
/// serves the web page over HTTP/1.1 there (Web:Url, one of its --urls), and the emailed links lead to it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Func<HttpMessageHandler> _transport;

    private ServerProcess(string workingDirectory, string scheme, IReadOnlyDictionary<string, string> environment, Func<HttpMessageHandler>? transport, int port, int? pagePort, string[] arguments)
    {
        WorkingDirectory = workingDirectory;
        Port = port;
        Address = $"{scheme}://127.0.0.1:{port}";
        PageAddress = pagePort is { } page ? $"http://127.0.0.1:{page}" : null;
        _transport = transport ?? (() => new SocketsHttpHandler());
        var urls = PageAddress is null ? Address : $"{Address};{PageAddress}";
        var withPage = PageAddress is null ? environment : new Dictionary<string, string>(environment) { ["Web__Url"] = PageAddress };
        _process = Process.Start(StartInfo(workingDirectory, withPage, [.. arguments, "--urls", urls]))
            ?? throw new InvalidOperationException("The server process did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Channel = ChannelWith(Token("acme", "organization.admin"));
    }

    /// <summary>A secret of this test run: the key the process trusts in Production.</summary>
    public static string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A token the process accepts (when it runs with <see cref="SigningKey"/>).</summary>
    public static string Token(string organizationId, params string[] permissions) =>
        Tokens.For(organizationId, permissions, settings: new BulkInvite.Server.Security.TokenSettings { SigningKey = SigningKey });

    /// <summary>A channel to the process sending the token (or none, with null).</summary>
    public GrpcChannel ChannelWith(string? token) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token) { InnerHandler = _transport() }, DisposeHttpClient = true });

    /// <summary>Runs the server's dll with other arguments (a command such as `token`, or a start that must fail) to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = StartInfo(workingDirectory, environment, arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// `dotnet BulkInvite.Server.dll ARGS` in Production with this run's signing key, unless the
    /// environment says otherwise. The content root is where appsettings*.json are; the working
    /// directory keeps the database.
    /// </summary>
    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { DllPath },
        };
        foreach (var argument in arguments.Append("--contentRoot").Append(AppContext.BaseDirectory))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Authentication__SigningKey"] = SigningKey;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>The server assembly the test project's reference copied next to the tests.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "BulkInvite.Server.dll");

    public string Address { get; }

    /// <summary>Where the web page is served (HTTP/1.1, gRPC-Web), when started with a page port.</summary>
    public string? PageAddress { get; }

    /// <summary>The loopback port the process listens on.</summary>
    public int Port { get; }

    public string WorkingDirectory { get; }

    public GrpcChannel Channel { get; }

    /// <summary>The server's process id, to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the server wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="scheme">https needs a certificate in the environment (Kestrel__Certificates__Default__Path).</param>
    /// <param name="transport">The client side of the connection (certificates to trust or present).</param>
    /// <param name="port">The port to listen on (a restart on the same address); a free one when null.</param>
    /// <param name="page">Also serve the web page, on another free port (<see cref="PageAddress"/>).</param>
    /// <param name="arguments">Arguments before --urls (a command such as `run`, settings).</param>
    public static async Task<ServerProcess> StartAsync(
        string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, string scheme = "http", Func<HttpMessageHandler>? transport = null,
        int? port = null, bool page = false, string[]? arguments = null)
    {
        Directory.CreateDirectory(workingDirectory);
        var server = new ServerProcess(workingDirectory, scheme, environment ?? new Dictionary<string, string>(), transport, port ?? FreePort(), page ? FreePort() : null, arguments ?? []);
        try
        {
            await server.WaitUntilServingAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!_process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The server did not start serving at {Address} (exited: {_process.HasExited}).\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
