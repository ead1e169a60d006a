using System.Collections.Concurrent;
using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.Testing;
using Dapper;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BulkInvite.Client.Tests;

/// <summary>
/// Client-side load balancing over two replicas on one PostgreSQL database, as docs/deployment.md and
/// clients/csharp/README.md set it up: a GrpcChannel with Grpc.Net.Client's static resolver over
/// both addresses and round robin, a retry policy for UNAVAILABLE, and the client library on top.
/// Imports complete while one replica is stopped (killed, as a crash) and after it restarts.
/// </summary>
public sealed class ClientFailoverTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private const int UsersPerImport = 200;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bulkinvite-failover-");
    private readonly string _database = PostgresCluster.NewDatabaseName();
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly int[] _ports = [ServerProcess.FreePort(), ServerProcess.FreePort()];
    private readonly ServerProcess?[] _replicas = new ServerProcess?[2];
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private string _connectionString = "";

    public async ValueTask InitializeAsync()
    {
        _connectionString = cluster.CreateDatabase(_database);
        await Task.WhenAll(StartAsync(0), StartAsync(1));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(0);
        await StopAsync(1);
        cluster.DropDatabase(_database);
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ImportsCompleteWhileAReplicaIsStoppedAndAfterItRestarts()
    {
        using var channel = RoundRobinChannel(_ports.Select(port => new BalancerAddress("127.0.0.1", port)));
        using var client = new BulkInviteClient(channel, new BulkInviteClientOptions
        {
            Token = ServerFixture.Token(_organization),
            MaxAttempts = 8,
            MaxBackoff = TimeSpan.FromSeconds(1),
        });
        var invited = new ConcurrentBag<int>();

        // Both replicas up: round robin spreads the calls over both.
        await RunImportsAsync(client, 4, invited, workers: 1);

        // Replica 0 dies while imports are in flight on both.
        var during = RunImportsAsync(client, 8, invited, workers: 2);
        await Task.Delay(400, _ct);
        await StopAsync(0);
        await during;

        // Replica 0 comes back on its address, then replica 1 stops: only the restarted one is left.
        await StartAsync(0);
        await StopAsync(1);
        await RunImportsAsync(client, 4, invited, workers: 1);

        Assert.Equal(16, invited.Count);
        Assert.All(invited, count => Assert.Equal(UsersPerImport, count));
        await using var db = new NpgsqlConnection(_connectionString);
        Assert.Equal(16 * UsersPerImport, db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations WHERE organization_id = @_organization", new { _organization }));
        Assert.Equal(16 * UsersPerImport, db.ExecuteScalar<long>("SELECT COUNT(DISTINCT normalized_email) FROM invitations WHERE organization_id = @_organization", new { _organization }));
        Assert.Equal(16, db.ExecuteScalar<long>("SELECT COUNT(*) FROM imports WHERE organization_id = @_organization AND state = @applied", new { _organization, applied = (int)Core.Importing.ImportState.Applied }));
    }

    /// <summary>
    /// The channel clients/csharp/README.md describes: both addresses from the static resolver, round
    /// robin over the ones that answer, UNAVAILABLE retried by the channel (an upload too, while it is
    /// small enough for the channel to replay), and reconnection attempts at least every second.
    /// </summary>
    private static GrpcChannel RoundRobinChannel(IEnumerable<BalancerAddress> addresses)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => addresses));
        return GrpcChannel.ForAddress("static:///bulkinvite", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceProvider = services.BuildServiceProvider(),
            MaxReconnectBackoff = TimeSpan.FromSeconds(1),
            ServiceConfig = new ServiceConfig
            {
                LoadBalancingConfigs = { new RoundRobinConfig() },
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 5,
                            InitialBackoff = TimeSpan.FromMilliseconds(200),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });
    }

    /// <summary>Uploads, checks and applies <paramref name="count"/> files of fresh users, <paramref name="workers"/> at a time.</summary>
    private async Task RunImportsAsync(BulkInviteClient client, int count, ConcurrentBag<int> invited, int workers)
    {
        var remaining = count;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var import = await UploadAsync(client, Files.Users(_folder.FullName, UsersPerImport));
                await client.CheckAsync(import.ImportId, _ct);
                invited.Add((await client.ApplyAsync(import.ImportId, ["projects.view"], _ct)).InvitedCount);
            }
        }, _ct)));
    }

    /// <summary>
    /// An upload the channel could not replay (cut by a replica's death after the channel committed
    /// to it) keeps nothing on the server, so the client library leaves it to the caller: upload again.
    /// </summary>
    private async Task<V1.Import> UploadAsync(BulkInviteClient client, string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.UploadFileAsync(path, _organization, cancellationToken: _ct);
            }
            catch (ServerUnavailableException) when (attempt < 3)
            {
                await Task.Delay(500, _ct);
            }
        }
    }

    private async Task StartAsync(int replica) =>
        _replicas[replica] = await ServerProcess.StartAsync(
            Path.Combine(_folder.FullName, $"replica-{replica}"),
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["ConnectionStrings__BulkInvite"] = _connectionString,
                ["Logging__LogLevel__Default"] = "Warning",
            },
            port: _ports[replica]);

    private async Task StopAsync(int replica)
    {
        if (_replicas[replica] is { } server)
        {
            _replicas[replica] = null;
            await server.DisposeAsync();
        }
    }
}
