using System.Security.Cryptography;
using BulkInvite.Core.Importing;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using BulkInvite.Testing;

namespace BulkInvite.Storage.Tests.Postgres;

/// <summary>Uploaded files in the database: written in chunks as they arrive, a file only once its import row is committed.</summary>
public sealed class PostgresUploadStoreTests(PostgresCluster cluster) : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
    private readonly PostgresTestDatabase _db = new(cluster);
    private readonly FakeTimeProvider _clock = new(Start.AddDays(-60));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    // Small chunks, so a few bytes make several.
    private PostgresUploadStore Store => new(_db.Dialect, _clock, chunkBytes: 7);

    [Fact]
    public async Task WritesChunksAsTheyArriveAndReadsTheFileBackOnceItsImportIsStored()
    {
        var content = "Email,First name,Last name\nann@example.com,Ann,Lee\n"u8.ToArray();
        var id = ImportIds.New();
        await using (var target = Store.Create(id))
        {
            await target.Stream.WriteAsync(content.AsMemory(0, 20), _ct);
            Assert.Equal(2, ChunkCount(id)); // 20 bytes: two full chunks of 7 are in the database already
            await target.Stream.WriteAsync(content.AsMemory(20), _ct);
            target.Stream.Position = 0;
            Assert.Equal((byte)'E', (byte)target.Stream.ReadByte()); // the format detection reads it back
            await target.CommitAsync(_ct);
        }

        Assert.Throws<FileNotFoundException>(() => Store.OpenRead(id)); // no import names it yet
        await AddImportAsync(id, content);

        await using var read = Store.OpenRead(id);
        Assert.True(read.CanSeek);
        Assert.Equal(content, ReadAll(read));
        Assert.Equal((content.Length + 6) / 7, ChunkCount(id));
    }

    [Fact]
    public async Task AnUploadDisposedBeforeCommitLeavesNothing()
    {
        var id = ImportIds.New();

        await using (var target = Store.Create(id))
        {
            await target.Stream.WriteAsync(new byte[1000], _ct);
        }

        using var connection = _db.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM uploads"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM upload_chunks"));
    }

    [Fact]
    public async Task ChunksThatDoNotAddUpToTheStoredImportAreNeverTakenForItsFile()
    {
        var content = new byte[50];
        RandomNumberGenerator.Fill(content);
        var id = ImportIds.New();
        await using (var target = Store.Create(id))
        {
            await target.Stream.WriteAsync(content, _ct);
            await target.CommitAsync(_ct);
        }

        await AddImportAsync(id, content);
        using (var connection = _db.Open())
        {
            connection.Execute("DELETE FROM upload_chunks WHERE import_id = @id AND chunk_number = 3", new { id });
        }

        Assert.Throws<FileNotFoundException>(() => Store.OpenRead(id));
    }

    [Fact]
    public async Task TheServersTemporaryCopiesHaveNoNameAProcessKilledMidwayCouldLeaveBehind()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows deletes them when their handle closes, even after a crash.");
        var id = ImportIds.New();
        var content = "abc"u8.ToArray();
        await using (var target = Store.Create(id))
        {
            await target.Stream.WriteAsync(content, _ct);
            Assert.Empty(CopiesOf(id)); // the copy the format detection reads back
            await target.CommitAsync(_ct);
        }

        await AddImportAsync(id, content);

        await using var read = Store.OpenRead(id);
        Assert.Empty(CopiesOf(id)); // the copy a check reads
        Assert.Equal(content, ReadAll(read));
    }

    [Fact]
    public async Task TheSweepDeletesUploadsNoImportNamesOnceIdleSinceTheCutoffAndFilesOfAppliedImports()
    {
        var abandoned = ImportIds.New();
        var recent = ImportIds.New();
        var stored = ImportIds.New();
        var applied = ImportIds.New();
        using (var connection = _db.Open())
        {
            // What servers stopped mid-upload left: an upload row and a chunk, no import row.
            foreach (var (id, time) in new[] { (abandoned, Start.AddDays(-8)), (recent, Start.AddMinutes(-1)) })
            {
                connection.Execute("INSERT INTO uploads (import_id, start_time, last_write_time) VALUES (@id, @time, @time)", new { id, time = time.ToUnixTimeMilliseconds() });
                connection.Execute("INSERT INTO upload_chunks (import_id, chunk_number, bytes) VALUES (@id, 0, '\\x00'::bytea)", new { id });
            }
        }

        _clock.SetUtcNow(Start.AddDays(-30)); // written long ago, but an import names them: only unreferenced uploads age out
        foreach (var id in new[] { stored, applied })
        {
            await using var target = Store.Create(id);
            await target.Stream.WriteAsync("x"u8.ToArray(), _ct);
            await target.CommitAsync(_ct);
        }

        await AddImportAsync(stored, "x"u8.ToArray());
        await AddImportAsync(applied, "x"u8.ToArray(), ImportState.Applied);

        var deleted = await Store.DeleteAbandonedAsync(Start.AddDays(-7), _ct);

        using var after = _db.Open();
        Assert.Equal(2, deleted);
        Assert.Equal(new[] { recent, stored }.Order(StringComparer.Ordinal), after.Query<string>("SELECT import_id FROM uploads").Order(StringComparer.Ordinal));
        Assert.Equal(2, after.ExecuteScalar<long>("SELECT COUNT(*) FROM upload_chunks"));
    }

    [Fact]
    public async Task DeletesAnUpload()
    {
        var id = ImportIds.New();
        await using (var target = Store.Create(id))
        {
            await target.Stream.WriteAsync(new byte[20], _ct);
            await target.CommitAsync(_ct);
        }

        Store.Delete(id);

        using var connection = _db.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM upload_chunks"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("ABCDEF")]
    public void RefusesAnIdThatIsNotAServerMadeId(string id) =>
        Assert.Throws<ArgumentException>(() => Store.OpenRead(id));

    private async Task AddImportAsync(string id, byte[] content, ImportState state = ImportState.Uploaded)
    {
        var import = TestDatabase.NewImport() with
        {
            ImportId = id,
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            State = state,
        };
        await _db.Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
    }

    private long ChunkCount(string id)
    {
        using var connection = _db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM upload_chunks WHERE import_id = @id", new { id });
    }

    private static IEnumerable<string> CopiesOf(string id) => Directory.EnumerateFiles(Path.GetTempPath(), $"bulkinvite-{id}*");

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
