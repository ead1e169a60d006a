using System.Net;
using BulkInvite.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>
/// The HTTP health endpoints load balancers and orchestrators probe: /healthz/live answers 200 while
/// the process runs; /healthz/ready answers 503 once the database cannot be reached.
/// </summary>
public abstract class HealthEndpointTests(TestStore store) : IDisposable
{
    protected BulkInviteServer Server { get; } = new(store: store);

    public void Dispose()
    {
        Server.Dispose();
        Server.DeleteData();
        GC.SuppressFinalize(this);
    }

    /// <summary>Makes the server's database unreachable while the server runs.</summary>
    protected abstract void TakeTheDatabaseAway();

    [Fact]
    public async Task BothAre200WhileTheDatabaseAnswers()
    {
        using var http = Server.CreateClient();

        var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadinessIs503AndLivenessStill200WithoutTheDatabase()
    {
        using var http = Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        TakeTheDatabaseAway();
        var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>
/// SQLite: the database file is moved aside and a folder takes its name, so opening it fails; the
/// pooled connections (which would still reach the moved file) are closed.
/// </summary>
public sealed class SqliteHealthEndpointTests() : HealthEndpointTests(TestStore.Sqlite)
{
    protected override void TakeTheDatabaseAway()
    {
        var path = BulkInviteServer.DatabasePath(Server.Folder);
        File.Move(path, path + ".away");
        Directory.CreateDirectory(path);
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>PostgreSQL: the server's database is dropped (its connections ended).</summary>
public sealed class PostgresHealthEndpointTests(PostgresCluster cluster) : HealthEndpointTests(TestStore.Postgres(cluster))
{
    protected override void TakeTheDatabaseAway() => cluster.DropDatabase("server_" + Path.GetFileName(Server.Folder).ToLowerInvariant());
}
