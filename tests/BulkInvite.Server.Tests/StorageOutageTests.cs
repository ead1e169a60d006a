using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Microsoft.Extensions.Logging;

namespace BulkInvite.Server.Tests;

/// <summary>
/// A database the server cannot write to or reach answers UNAVAILABLE, not INTERNAL: SQLite opened
/// read-only (SQLITE_READONLY, a real read-only database rather than chmod, which root ignores),
/// and a PostgreSQL server that stopped. And a client that cancels its upload is an Information
/// line, not an error.
/// </summary>
public sealed class StorageOutageTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUploadToAReadOnlySqliteDatabaseIsUnavailableAndKeepsNothing()
    {
        var folder = BulkInviteServer.NewFolder();
        try
        {
            using (var first = new BulkInviteServer(folder))
            {
                await first.Client.ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct); // creates and migrates the database
            }

            using var readOnly = new BulkInviteServer(folder, new Dictionary<string, string?>
            {
                ["ConnectionStrings:BulkInvite"] = $"Data Source={BulkInviteServer.DatabasePath(folder)};Mode=ReadOnly",
            });

            var error = await Calls.FailsAsync(() => readOnly.Client.UploadAsync(Files.ManyUsers(10)));

            StorageFaultTests.AssertStorageUnavailable(error);
            Assert.Empty(readOnly.StoredFiles());
            Assert.Empty((await readOnly.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: _ct)).Imports);
        }
        finally
        {
            BulkInviteServer.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task ACallWhilePostgresIsStoppedIsUnavailable()
    {
        // A cluster of its own, since stopping the assembly's would stop every other test's.
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        using var server = new BulkInviteServer(store: TestStore.Postgres(cluster));
        try
        {
            await server.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: _ct);
        }
        finally
        {
            await cluster.DisposeAsync(); // stops PostgreSQL
        }

        var error = await Calls.FailsAsync(async () =>
            await server.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: _ct));

        StorageFaultTests.AssertStorageUnavailable(error);
    }

    [Fact]
    public async Task AClientCancellingItsUploadIsLoggedAsInformationWithoutAnError()
    {
        var folder = BulkInviteServer.NewFolder();
        using var server = new BulkInviteServer(folder, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:BulkInvite"] = "Information",
        });
        try
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_ct);
            using var call = server.Client.UploadImportFile(cancellationToken: cancel.Token);
            await call.RequestStream.WriteAsync(new UploadImportFileRequest
            {
                Metadata = new ImportFileMetadata { OrganizationId = Calls.Organization, FileName = "users.csv" },
            }, _ct);
            await call.RequestStream.WriteAsync(new UploadImportFileRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(Files.ManyUsers(100)) }, _ct);

            await cancel.CancelAsync();

            await InvitationCalls.WaitUntilAsync(
                () => Task.FromResult(server.Logs.Entries.Any(e => e.Message.Contains("cancelled", StringComparison.Ordinal))), "the server logs the cancellation");
            var entry = Assert.Single(server.Logs.Entries, e => e.Message.Contains("cancelled", StringComparison.Ordinal));
            Assert.Equal((LogLevel.Information, null), (entry.Level, entry.Exception));
            Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("BulkInvite", StringComparison.Ordinal));
            Assert.Empty(server.StoredFiles());
        }
        finally
        {
            server.Dispose();
            BulkInviteServer.DeleteFolder(folder);
        }
    }
}
