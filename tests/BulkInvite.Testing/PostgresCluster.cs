using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BulkInvite.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BulkInvite.Testing;

/// <summary>
/// A real PostgreSQL server for one test assembly, from Debian's postgresql package
/// (scripts/postgres.sh installs it when missing): initdb into a temporary folder, pg_ctl on a free
/// loopback port, stopped and deleted at the end. Tests get databases of their own, cloned from a
/// template migrated once, and drop them when done. Durability is off (fsync), which tests do not need.
/// Shared by every test project that runs on PostgreSQL (each one's AssemblyPostgres.cs).
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Template = "bulkinvite_template";

    private static readonly string[] ServerOptions =
    [
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=400",
    ];

    // CREATE DATABASE copies the template, which nobody else may be connected to meanwhile.
    private readonly Lock _creating = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bulkinvite-pg-{Guid.NewGuid():N}");

    public int Port { get; } = FreePort();

    public async ValueTask InitializeAsync()
    {
        await ScriptAsync(["start", _folder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. ServerOptions]);
        Execute($"CREATE DATABASE {Template}");
        using (var template = new PostgresDialect(ConnectionString(Template)))
        {
            new Store(template).Migrate(NullLogger.Instance);
        }

        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ScriptAsync(["stop", _folder]);
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The connection string of a database of this cluster, as the superuser.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // A test's database is dropped at its end: no pooled connection should outlive it for long.
        ConnectionIdleLifetime = 10,
    }.ToString();

    /// <summary>A new database holding the migrated schema and nothing else (or nothing at all); returns its connection string.</summary>
    public string CreateDatabase(string name, bool migrated = true)
    {
        lock (_creating)
        {
            // A file copy of the small template is the quickest way to a fresh schema.
            Execute(migrated ? $"CREATE DATABASE \"{name}\" TEMPLATE {Template} STRATEGY FILE_COPY" : $"CREATE DATABASE \"{name}\"");
        }

        return ConnectionString(name);
    }

    /// <summary>Creates the database unless it exists; returns its connection string.</summary>
    public string EnsureDatabase(string name)
    {
        lock (_creating)
        {
            using var connection = new NpgsqlConnection(ConnectionString("postgres"));
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
            if (exists.ExecuteScalar() is null)
            {
                Execute($"CREATE DATABASE \"{name}\" TEMPLATE {Template} STRATEGY FILE_COPY");
            }
        }

        return ConnectionString(name);
    }

    /// <summary>Drops the database, ending whatever connections it still has.</summary>
    public void DropDatabase(string name)
    {
        using (var pooled = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>A database name no other test uses.</summary>
    public static string NewDatabaseName() => $"test_{Guid.NewGuid():N}";

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static async Task ScriptAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "postgres.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // the first run may install postgresql
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "postgres.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run from inside the repository (scripts/postgres.sh starts PostgreSQL).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
