using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Dapper;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;

namespace BulkInvite.Server.Tests;

/// <summary>
/// Two real server processes on one PostgreSQL database, as identical replicas behind a load
/// balancer (docs/deployment.md): any replica serves any step of any import, and concurrent steps on
/// different replicas invite every address exactly once.
/// </summary>
public sealed class MultiReplicaTests(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly string _folder = BulkInviteServer.NewFolder();
    private readonly string _database = PostgresCluster.NewDatabaseName();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private ServerProcess? _a;
    private ServerProcess? _b;

    private ServerProcess A => _a ?? throw new InvalidOperationException("Replica A has not started.");

    private ServerProcess B => _b ?? throw new InvalidOperationException("Replica B has not started.");

    private UserImportService.UserImportServiceClient ThroughA => new(A.Channel);

    private UserImportService.UserImportServiceClient ThroughB => new(B.Channel);

    public async ValueTask InitializeAsync()
    {
        // An empty database: the two replicas start together and take turns migrating it.
        var connectionString = cluster.CreateDatabase(_database, migrated: false);
        var started = await Task.WhenAll(Start("a"), Start("b"));
        (_a, _b) = (started[0], started[1]);

        Task<ServerProcess> Start(string name) => ServerProcess.StartAsync(Path.Combine(_folder, name), new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__BulkInvite"] = connectionString,
            ["Email__PickupDirectory"] = MailFolder(name),
            ["Email__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Warning",
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in new[] { _a, _b })
        {
            if (replica is not null)
            {
                await replica.DisposeAsync();
            }
        }

        cluster.DropDatabase(_database);
        BulkInviteServer.DeleteFolder(_folder);
    }

    [Fact]
    public async Task UploadedThroughACheckedThroughBAndAppliedOnBothAtOnceInvitesEveryoneOnce()
    {
        var spreadsheet = await ThroughA.UploadAsync(Files.Fixture("team_libreoffice.xlsx"), "team.xlsx");
        var large = await ThroughA.UploadAsync(Files.ManyUsers(3000), chunkSize: 1024 * 1024);

        var spreadsheetCheck = await ThroughB.CheckAsync(spreadsheet.ImportId);
        var largeCheck = await ThroughB.CheckAsync(large.ImportId);
        var applies = await Task.WhenAll(
            Task.Run(() => ThroughA.ApplyAsync(large.ImportId, "from-a", "projects.view"), _ct),
            Task.Run(() => ThroughB.ApplyAsync(large.ImportId, "from-b", "projects.view"), _ct));

        Assert.Equal((ImportState.Checked, 4), (spreadsheetCheck.Import.State, spreadsheetCheck.Import.ValidRows));
        Assert.Equal((ImportState.Checked, 3000), (largeCheck.Import.State, largeCheck.Import.ValidRows));
        Assert.Equal(applies[0].Import, applies[1].Import); // one applied, the other got the stored result
        Assert.Equal((3000, 0), (applies[0].InvitedCount, applies[0].SkippedCount));
        await using var db = Open();
        Assert.Equal(3000, db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations"));
        Assert.Equal(3000, db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations WHERE delivery_state = 'queued'"));
        Assert.Equal(1, db.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_events WHERE action = @applied", new { applied = (int)AuditAction.Applied }));
    }

    [Fact]
    public async Task TwoImportsWithOverlappingAddressesAppliedAtTheSameMomentOnAAndBInviteEachAddressOnce()
    {
        var first = await ThroughA.UploadAsync(Files.ManyUsers(6000), chunkSize: 1024 * 1024);
        var second = await ThroughB.UploadAsync(Files.ManyUsers(6000, row => $"user{row + 3000}@example.com"), chunkSize: 1024 * 1024);
        await ThroughB.CheckAsync(first.ImportId);
        await ThroughA.CheckAsync(second.ImportId);

        // Both applies wait on one signal, so they reach their replicas at the same moment.
        using var go = new SemaphoreSlim(0, 2);
        var applying = new[] { ApplyAfter(go, ThroughA, first.ImportId), ApplyAfter(go, ThroughB, second.ImportId) };
        await Task.Delay(100, _ct);
        go.Release(2);
        var applies = await Task.WhenAll(applying);

        Assert.Equal(9000, applies.Sum(r => r.InvitedCount));
        Assert.Equal(3000, applies.Sum(r => r.SkippedCount));
        await using var db = Open();
        Assert.Equal(9000, db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations"));
        Assert.Equal(9000, db.ExecuteScalar<long>("SELECT COUNT(DISTINCT normalized_email) FROM invitations"));
        // Each has its email: still queued, or already sent by a replica's dispatcher, which starts as soon as an apply commits.
        Assert.Equal(9000, db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations WHERE emails = 1 AND delivery_state IN ('queued', 'sent')"));
        // Each import's count is what it stored.
        Assert.Equal(applies.Select(r => (long)r.InvitedCount).Order(), db.Query<long>("SELECT COUNT(*) FROM invitations GROUP BY invitation_id / 4294967296").Order());
    }

    [Fact]
    public async Task TheDispatchersOfBothReplicasSendEveryInvitationEmailOnce()
    {
        var import = await ThroughA.UploadAsync(Files.ManyUsers(600));
        await ThroughB.CheckAsync(import.ImportId);
        await ThroughB.ApplyAsync(import.ImportId, "", "projects.view");

        await using var db = Open();
        for (var i = 0; i < 600 && db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations WHERE delivery_state <> 'sent'") > 0; i++)
        {
            await Task.Delay(100, _ct);
        }

        // A row claimed twice would show a second attempt, and a second file.
        Assert.Equal(600, db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations WHERE delivery_state = 'sent' AND delivery_attempts = 1"));
        var sent = new[] { "a", "b" }.SelectMany(r => Directory.Exists(MailFolder(r)) ? Directory.EnumerateFiles(MailFolder(r), "*.eml") : []).ToList();
        Assert.Equal(600, sent.Count);
        Assert.Equal(600, sent.Select(Path.GetFileName).Distinct().Count());
    }

    [Fact]
    public async Task AReplicaWhoseDatabaseIsGoneIsNotServingForTheLoadBalancer()
    {
        var health = new Health.HealthClient(A.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: _ct)).Status);

        cluster.DropDatabase(_database);

        var after = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: _ct);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, after.Status);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await ThroughB.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: _ct));
        StorageFaultTests.AssertStorageUnavailable(error);
    }

    private static Task<ApplyPermissionsResponse> ApplyAfter(SemaphoreSlim go, UserImportService.UserImportServiceClient client, string importId) =>
        Task.Run(async () =>
        {
            await go.WaitAsync(TestContext.Current.CancellationToken);
            return await client.ApplyAsync(importId, "", "projects.view");
        });

    private string MailFolder(string replica) => Path.Combine(_folder, replica, "mail");

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(cluster.ConnectionString(_database));
        connection.Open();
        return connection;
    }
}
