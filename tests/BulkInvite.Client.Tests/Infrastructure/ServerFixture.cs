using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BulkInvite.Client;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

[assembly: AssemblyFixture(typeof(BulkInvite.Client.Tests.Infrastructure.ServerFixture))]

namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>
/// One real BulkInvite server process for every test of the assembly: started as users start it
/// (dotnet BulkInvite.Server.dll --urls …) in a fresh working folder, killed at the end. Tests
/// keep apart by using organizations of their own.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bulkinvite-client-tests-");
    private readonly List<string> _log = [];
    private Process? _process;

    public string Url { get; } = $"http://127.0.0.1:{FreePort()}";

    /// <summary>A folder for files a test writes; deleted with the fixture.</summary>
    public string FilesFolder => Directory.CreateDirectory(Path.Combine(_folder.FullName, "files")).FullName;

    public async ValueTask InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "BulkInvite.Server.dll"), "--urls", Url },
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _folder.Delete(recursive: true);
    }

    /// <summary>A client of the server with its own channel.</summary>
    public BulkInviteClient NewClient() => new(Url);

    /// <summary>An organization no other test uses.</summary>
    public static string NewOrganization() => $"org-{Guid.NewGuid():N}";

    /// <summary>A URL where nothing listens.</summary>
    public static string UnreachableUrl() => $"http://127.0.0.1:{FreePort()}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var channel = GrpcChannel.ForAddress(Url);
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process!.HasExited)
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
            }

            await Task.Delay(200);
        }

        lock (_log)
        {
            throw new InvalidOperationException($"The server did not start serving (exited: {_process!.HasExited}):\n{string.Join('\n', _log)}");
        }
    }
}
