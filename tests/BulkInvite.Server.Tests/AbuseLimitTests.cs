using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>Per-organization limits: concurrent uploads, request rate, and idle upload streams.</summary>
public abstract class AbuseLimitTests(TestStore store) : IDisposable
{
    private BulkInviteServer _server = new(settings: new Dictionary<string, string?>
    {
        ["BulkInvite:MaxConcurrentUploadsPerOrganization"] = "2",
        ["RateLimiting:RequestsPerSecond"] = "1",
        ["RateLimiting:Burst"] = "12",
    }, store: store);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task AnOrganizationCannotRunMoreUploadsAtOnceThanTheLimit()
    {
        using var first = await OpenUploadAsync(_server.Client);
        using var second = await OpenUploadAsync(_server.Client);

        // Both are under way on the server once their partial files exist.
        for (var i = 0; i < 200 && _server.StoredFiles().Count(f => f.EndsWith(".part", StringComparison.Ordinal)) < 2; i++)
        {
            await Task.Delay(25, _ct);
        }


        var third = await OpenUploadAsync(_server.Client);
        var error = await Calls.FailsAsync(() => third.ResponseAsync);
        third.Dispose();

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.NotNull(error.GetRpcStatus()?.GetDetail<QuotaFailure>());

        // Another organization has slots of its own, and a finished upload frees its slot.
        var globex = await _server.ClientFor("globex").UploadAsync(Files.Fixture("team_utf8.csv"), organizationId: "globex");
        await first.RequestStream.CompleteAsync();
        await first.ResponseAsync;
        var again = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        Assert.Equal(ImportState.Uploaded, globex.State);
        Assert.Equal(ImportState.Uploaded, again.State);
    }

    [Fact]
    public async Task AnUploadThatSendsNothingForTheIdleTimeoutIsCancelledAndKeepsNothing()
    {
        _server.Dispose();
        _server = new BulkInviteServer(_server.Folder, new Dictionary<string, string?> { ["BulkInvite:UploadIdleTimeout"] = "00:00:01" }, store);
        using var call = await OpenUploadAsync(_server.Client);

        // Nothing more is sent: the server gives up after a second.
        var error = await Calls.FailsAsync(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Empty(_server.StoredFiles());
        Assert.Empty((await _server.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = "acme" }, cancellationToken: _ct)).Imports);
    }

    [Fact]
    public async Task RequestsBeyondTheOrganizationsRateAreResourceExhaustedNotUnavailable()
    {
        RpcException? refused = null;
        var accepted = 0;
        for (var i = 0; i < 30 && refused is null; i++)
        {
            try
            {
                await _server.Client.ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct);
                accepted++;
            }
            catch (RpcException e)
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.InRange(accepted, 12, 14); // the burst, plus what one second may have replenished
        Assert.NotNull(refused.GetRpcStatus()?.GetDetail<QuotaFailure>());

        // The limit is per organization.
        var other = await _server.ClientFor("globex").ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct);
        Assert.NotEmpty(other.Permissions);
    }

    private async Task<AsyncClientStreamingCall<UploadImportFileRequest, UploadImportFileResponse>> OpenUploadAsync(UserImportService.UserImportServiceClient client)
    {
        var call = client.UploadImportFile(cancellationToken: _ct);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Metadata = new ImportFileMetadata { OrganizationId = "acme", FileName = "slow.csv" } }, _ct);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Chunk = ByteString.CopyFromUtf8("Email,First name,Last name\n") }, _ct);
        return call;
    }
}

public sealed class SqliteAbuseLimitTests() : AbuseLimitTests(TestStore.Sqlite);

public sealed class PostgresAbuseLimitTests(PostgresCluster cluster) : AbuseLimitTests(TestStore.Postgres(cluster));
