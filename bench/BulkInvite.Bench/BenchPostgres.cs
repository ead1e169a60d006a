using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BulkInvite.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster for the benchmark, started and stopped by scripts/postgres.sh as
/// the tests do (Debian's postgresql, installed when missing), with the server's default durability:
/// both the BulkInvite server and the psql baseline write to it, each run into a database of its own.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _folder;
    private int _databases;

    private BenchPostgres(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<BenchPostgres> StartAsync()
    {
        // Not under the benchmark's own temporary folder: as root, the cluster runs as the postgres user, who cannot enter it.
        var cluster = new BenchPostgres(Path.Combine(Path.GetTempPath(), $"bulkinvite-bench-pg-{Guid.NewGuid():N}"), FreePort());
        await RunAsync("bash", [Path.Combine(RepositoryRoot(), "scripts", "postgres.sh"), "start", cluster._folder, cluster.Port.ToString(CultureInfo.InvariantCulture)]);
        return cluster;
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"bench_{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ToString();

    /// <summary>
    /// The physical anchor on PostgreSQL: psql's <c>\copy</c> of the CSV into a table with a unique
    /// index on email, in a fresh database; the seconds of the copy alone (the table exists before).
    /// </summary>
    public async Task<double> CopyBaselineAsync(string csvPath)
    {
        var database = new NpgsqlConnectionStringBuilder(CreateDatabase()).Database!;
        await PsqlAsync(database, "CREATE TABLE users (email text NOT NULL, first_name text, last_name text, description text); CREATE UNIQUE INDEX ux_users_email ON users (email);");
        var watch = Stopwatch.StartNew();
        await PsqlAsync(database, $"\\copy users FROM '{csvPath.Replace("'", "''", StringComparison.Ordinal)}' WITH (FORMAT csv, HEADER true)");
        return watch.Elapsed.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync("bash", [Path.Combine(RepositoryRoot(), "scripts", "postgres.sh"), "stop", _folder]);
        Directory.Delete(_folder, recursive: true);
    }

    private Task PsqlAsync(string database, string command) =>
        RunAsync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-c", command]);

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}{await stderr}");
        }
    }

    // The benchmark's own folder, or the current one for a copy of the build run from the repository.
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "scripts", "postgres.sh")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("The benchmark runs from inside the repository (scripts/postgres.sh starts PostgreSQL).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
