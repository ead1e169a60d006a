using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Server.Tests;

/// <summary>
/// Answers that match what happened when storage fails, through a real gRPC channel on both stores:
/// work after a commit never turns the committed result into an error, and a full or read-only
/// store is UNAVAILABLE with the STORAGE_UNAVAILABLE reason, leaving nothing half-visible.
/// </summary>
public abstract class StorageFaultTests : IDisposable
{
    private readonly BulkInviteServer _server;
    private FaultyUploadStore? _uploads;

    protected StorageFaultTests(TestStore store)
    {
        _server = new BulkInviteServer(store: store, services: FaultyUploadStore.Around(faulty => _uploads = faulty));
    }

    private FaultyUploadStore Uploads => _uploads ?? throw new InvalidOperationException("The server has not started.");

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task AnApplyWhoseFileCannotBeDeletedAfterTheCommitAnswersOkAndARetryReturnsTheStoredResult()
    {
        var import = await _server.Client.UploadAsync(Files.ManyUsers(200));
        await _server.Client.CheckAsync(import.ImportId);
        Uploads.ReadOnly = true;

        var applied = await _server.Client.ApplyAsync(import.ImportId, "apply-1", "projects.view");
        var retried = await _server.Client.ApplyAsync(import.ImportId, "apply-1", "projects.view");

        Assert.Equal((200, ImportState.Applied), (applied.InvitedCount, applied.Import.State));
        Assert.Equal((200, 0, applied.Import.UpdateTime), (retried.InvitedCount, retried.SkippedCount, retried.Import.UpdateTime));
        Assert.Contains(import.ImportId + ".upload", _server.StoredFiles()); // left for the sweep
        Assert.Contains(_server.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains(import.ImportId, StringComparison.Ordinal));

        Uploads.ReadOnly = false;
        _server.Clock.Advance(TimeSpan.FromHours(1)); // BulkInvite:RetentionSweepInterval on the server's clock
        await InvitationCalls.WaitUntilAsync(() => Task.FromResult(_server.StoredFiles().Count == 0), "the sweep deletes the applied import's file");
    }

    [Fact]
    public async Task AnUploadOntoAFullDiskIsUnavailableAndKeepsNothing()
    {
        _ = await _server.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: TestContext.Current.CancellationToken);
        Uploads.DiskFull = true;

        var error = await Calls.FailsAsync(() => _server.Client.UploadAsync(Files.ManyUsers(10)));

        AssertStorageUnavailable(error);
        Assert.Empty(_server.StoredFiles());
        Assert.Empty((await _server.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: TestContext.Current.CancellationToken)).Imports);
    }

    public static void AssertStorageUnavailable(RpcException error)
    {
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var info = error.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.Equal(("STORAGE_UNAVAILABLE", "bulkinvite.v1"), (info?.Reason, info?.Domain));
        Assert.Contains("Try again later", error.Status.Detail, StringComparison.Ordinal);
    }
}

public sealed class SqliteStorageFaultTests() : StorageFaultTests(TestStore.Sqlite);

public sealed class PostgresStorageFaultTests(PostgresCluster cluster) : StorageFaultTests(TestStore.Postgres(cluster));
