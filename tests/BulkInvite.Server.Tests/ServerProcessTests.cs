using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace BulkInvite.Server.Tests;

/// <summary>The server as users start it: its own process, listening on a socket, with its default database location.</summary>
public sealed class ServerProcessTests : IAsyncLifetime
{
    private readonly string _folder = BulkInviteServer.NewFolder();
    private readonly int _port = FreePort();
    private Process? _process;
    private GrpcChannel? _channel;

    private GrpcChannel Channel => _channel!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "BulkInvite.Server.dll"), "--urls", $"http://127.0.0.1:{_port}" },
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_port}");
        await WaitUntilServingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        BulkInviteServer.DeleteFolder(_folder);
    }

    [Fact]
    public async Task ServesTheWholeFlowOverASocketWithTheDatabaseUnderTheWorkingDirectory()
    {
        var client = new UserImportService.UserImportServiceClient(Channel);

        var import = await client.UploadAsync(Files.Fixture("team_excel_fr_semicolon.csv"));
        var check = await client.CheckAsync(import.ImportId);
        var applied = await client.ApplyAsync(import.ImportId, "", "projects.view");

        Assert.Equal((4, 1), (check.Import.ValidRows, check.Import.InvalidRows));
        Assert.Equal(4, applied.InvitedCount);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "bulkinvite.db")));
    }

    [Fact]
    public async Task AnswersServerReflectionForGrpcurl()
    {
        var reflection = new ServerReflection.ServerReflectionClient(Channel);
        using var call = reflection.ServerReflectionInfo(cancellationToken: TestContext.Current.CancellationToken);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("bulkinvite.v1.UserImportService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    private async Task WaitUntilServingAsync()
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: TestContext.Current.CancellationToken);
                if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException) when (DateTime.UtcNow < deadline && !_process!.HasExited)
            {
            }

            if (DateTime.UtcNow >= deadline || _process!.HasExited)
            {
                throw new InvalidOperationException($"The server did not start serving (exited: {_process!.HasExited}).");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
