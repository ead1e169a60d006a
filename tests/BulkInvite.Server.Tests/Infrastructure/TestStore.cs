using System.Data.Common;
using BulkInvite.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>
/// The store a test server keeps its data in, so each integration suite runs on both: a SQLite file
/// in the server's folder, or a PostgreSQL database of the assembly's cluster named after the
/// folder. Servers made on one folder (a restart) share the data either way.
/// </summary>
public abstract class TestStore
{
    public static TestStore Sqlite { get; } = new SqliteStore();

    public static TestStore Postgres(PostgresCluster cluster) => new PostgresStore(cluster);

    /// <summary>The settings that point a server in <paramref name="folder"/> at its data, made when missing.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings(string folder);

    /// <summary>A connection to the data of the servers in <paramref name="folder"/>, for assertions on what they stored.</summary>
    public abstract DbConnection OpenDatabase(string folder);

    /// <summary>The uploaded files stored, as "{import id}.upload" once complete and "{import id}.part" while written.</summary>
    public abstract IReadOnlyList<string> StoredFiles(string folder);

    /// <summary>Leaves what a server stopped in the middle of an upload leaves: part of a file no import names.</summary>
    public abstract void LeaveUploadCutShort(string folder, string importId, DateTimeOffset lastWrite);

    /// <summary>Deletes the folder and the data, once every server on them is disposed.</summary>
    public abstract void Delete(string folder);

    public override string ToString() => GetType().Name;

    private sealed class SqliteStore : TestStore
    {
        public override IReadOnlyDictionary<string, string?> Settings(string folder) => new Dictionary<string, string?>
        {
            ["ConnectionStrings:BulkInvite"] = $"Data Source={BulkInviteServer.DatabasePath(folder)}",
        };

        public override DbConnection OpenDatabase(string folder)
        {
            var connection = new SqliteConnection($"Data Source={BulkInviteServer.DatabasePath(folder)}");
            connection.Open();
            return connection;
        }

        public override IReadOnlyList<string> StoredFiles(string folder)
        {
            var uploads = Path.Combine(folder, "uploads");
            return Directory.Exists(uploads) ? Directory.EnumerateFiles(uploads).Select(f => Path.GetFileName(f)).ToList() : [];
        }

        public override void LeaveUploadCutShort(string folder, string importId, DateTimeOffset lastWrite)
        {
            var part = Path.Combine(folder, "uploads", importId + ".part");
            File.WriteAllText(part, "Email,First");
            File.SetLastWriteTimeUtc(part, lastWrite.UtcDateTime);
        }

        public override void Delete(string folder) => BulkInviteServer.DeleteFolder(folder);
    }

    private sealed class PostgresStore(PostgresCluster cluster) : TestStore
    {
        public override IReadOnlyDictionary<string, string?> Settings(string folder) => new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:BulkInvite"] = cluster.EnsureDatabase(DatabaseName(folder)),
            // No database file to put it beside: the folder, as on SQLite.
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
        };

        public override DbConnection OpenDatabase(string folder)
        {
            var connection = new NpgsqlConnection(cluster.ConnectionString(DatabaseName(folder)));
            connection.Open();
            return connection;
        }

        public override IReadOnlyList<string> StoredFiles(string folder)
        {
            using var connection = OpenDatabase(folder);
            return connection.Query<(string ImportId, bool Named)>(
                    "SELECT u.import_id, EXISTS (SELECT 1 FROM imports i WHERE i.import_id = u.import_id) FROM uploads u ORDER BY 1")
                .Select(u => u.ImportId + (u.Named ? ".upload" : ".part"))
                .ToList();
        }

        public override void LeaveUploadCutShort(string folder, string importId, DateTimeOffset lastWrite)
        {
            using var connection = OpenDatabase(folder);
            connection.Execute("INSERT INTO uploads (import_id, start_time, last_write_time) VALUES (@importId, @time, @time)",
                new { importId, time = lastWrite.ToUnixTimeMilliseconds() });
            connection.Execute("INSERT INTO upload_chunks (import_id, chunk_number, bytes) VALUES (@importId, 0, convert_to('Email,First', 'UTF8'))",
                new { importId });
        }

        public override void Delete(string folder)
        {
            cluster.DropDatabase(DatabaseName(folder));
            BulkInviteServer.DeleteFolder(folder);
        }

        private static string DatabaseName(string folder) => "server_" + Path.GetFileName(folder).ToLowerInvariant();
    }
}
