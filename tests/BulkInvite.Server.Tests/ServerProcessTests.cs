using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Reflection.V1Alpha;

namespace BulkInvite.Server.Tests;

/// <summary>The server as users start it: its own process, listening on a socket, with its default database location.</summary>
public sealed class ServerProcessTests : IAsyncLifetime
{
    private readonly string _folder = BulkInviteServer.NewFolder();
    private ServerProcess? _server;

    private ServerProcess Server => _server!;

    public async ValueTask InitializeAsync() => _server = await ServerProcess.StartAsync(_folder);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        BulkInviteServer.DeleteFolder(_folder);
    }

    [Fact]
    public async Task ServesTheWholeFlowOverASocketWithTheDatabaseUnderTheWorkingDirectory()
    {
        var client = new UserImportService.UserImportServiceClient(Server.Channel);

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
        var reflection = new ServerReflection.ServerReflectionClient(Server.Channel);
        using var call = reflection.ServerReflectionInfo(cancellationToken: TestContext.Current.CancellationToken);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("bulkinvite.v1.UserImportService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
