using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Storage;
using Microsoft.Extensions.DependencyInjection;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>The store's statistics behind the gauges, read with the same SQL from SQLite and from PostgreSQL.</summary>
public abstract class StoreStatisticsTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CountsInvitationsByStatusAndTheOutboxUntilTheySentAndExpire()
    {
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await _server.Client.CheckAsync(import.ImportId);
        await _server.Client.ApplyAsync(import.ImportId, "", "projects.view");
        var statistics = _server.Services.GetRequiredService<StoreStatistics>();

        var applied = await statistics.ReadAsync(TestContext.Current.CancellationToken, maxAge: TimeSpan.Zero);
        var sent = await WaitUntilAsync(statistics, s => s.OutboxQueued == 0);
        _server.Clock.Advance(TimeSpan.FromDays(8));
        var expired = await statistics.ReadAsync(TestContext.Current.CancellationToken, maxAge: TimeSpan.Zero);

        Assert.Equal(new Dictionary<string, long> { ["pending"] = 4 }, applied.InvitationsByStatus);
        Assert.InRange(applied.OutboxQueued, 0, 4);
        Assert.Equal((0, 0, TimeSpan.Zero), (sent.OutboxQueued, sent.OutboxDue, sent.OldestDueAge));
        Assert.Equal(new Dictionary<string, long> { ["expired"] = 4 }, expired.InvitationsByStatus);
    }

    [Fact]
    public async Task AReadIsCachedForItsMaxAge()
    {
        var statistics = _server.Services.GetRequiredService<StoreStatistics>();
        var first = await statistics.ReadAsync(TestContext.Current.CancellationToken);
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await _server.Client.CheckAsync(import.ImportId);
        await _server.Client.ApplyAsync(import.ImportId, "", "projects.view");

        var cached = await statistics.ReadAsync(TestContext.Current.CancellationToken);
        _server.Clock.Advance(statistics.MaxAge + TimeSpan.FromSeconds(1));
        var fresh = await statistics.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Same(first, cached);
        Assert.Empty(cached.InvitationsByStatus);
        Assert.Equal(4, fresh.InvitationsByStatus.Values.Sum());
    }

    private static async Task<StoreStatistics.Snapshot> WaitUntilAsync(StoreStatistics statistics, Func<StoreStatistics.Snapshot, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var snapshot = await statistics.ReadAsync(TestContext.Current.CancellationToken, maxAge: TimeSpan.Zero);
            if (done(snapshot) || DateTime.UtcNow > deadline)
            {
                return snapshot;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class SqliteStoreStatisticsTests() : StoreStatisticsTests(TestStore.Sqlite);

public sealed class PostgresStoreStatisticsTests(PostgresCluster cluster) : StoreStatisticsTests(TestStore.Postgres(cluster));
