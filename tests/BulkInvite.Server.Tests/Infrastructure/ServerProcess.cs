using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>
/// The server as users start it: `dotnet BulkInvite.Server.dll --urls http://127.0.0.1:PORT` in its own
/// process and working directory (so its database is `data/bulkinvite.db` there), ready once the
/// grpc.health.v1 service answers SERVING.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(string workingDirectory, int port, IReadOnlyDictionary<string, string> environment)
    {
        WorkingDirectory = workingDirectory;
        Address = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { DllPath, "--urls", Address },
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Channel = GrpcChannel.ForAddress(Address);
    }

    /// <summary>The server assembly the test project's reference copied next to the tests.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "BulkInvite.Server.dll");

    public string Address { get; }

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

    public static async Task<ServerProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(workingDirectory);
        var server = new ServerProcess(workingDirectory, FreePort(), environment ?? new Dictionary<string, string>());
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
