using BulkInvite.Core.Importing;
using BulkInvite.Testing;

namespace BulkInvite.Storage.Tests;

public sealed class DiskUploadStoreTests : IDisposable
{
    private readonly SqliteTestDatabase _db = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    private string UploadsFolder => _db.Options.ResolvedUploadsPath;

    [Fact]
    public void KeepsUploadsBesideTheDatabaseByDefault() =>
        Assert.Equal(Path.Combine(Path.GetDirectoryName(_db.Options.DatabasePath)!, "uploads"), UploadsFolder);

    [Fact]
    public async Task ACommittedUploadCanBeReadBack()
    {
        var store = new DiskUploadStore(_db.Dialect);
        var id = ImportIds.New();

        await using (var target = store.Create(id))
        {
            await target.Stream.WriteAsync("hello"u8.ToArray(), _ct);
            await target.CommitAsync(_ct);
        }

        await using var read = store.OpenRead(id);
        using var reader = new StreamReader(read);
        Assert.Equal("hello", await reader.ReadToEndAsync(_ct));
    }

    [Fact]
    public async Task AnUploadDisposedBeforeCommitLeavesNoFile()
    {
        var store = new DiskUploadStore(_db.Dialect);
        var id = ImportIds.New();

        await using (var target = store.Create(id))
        {
            await target.Stream.WriteAsync(new byte[1000], _ct);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(UploadsFolder));
        Assert.Throws<FileNotFoundException>(() => store.OpenRead(id));
    }

    [Fact]
    public void RemovesPartsThatACrashLeftBehindButKeepsCompleteUploads()
    {
        var store = new DiskUploadStore(_db.Dialect);
        File.WriteAllText(Path.Combine(UploadsFolder, "0123abcd.part"), "cut short");
        File.WriteAllText(Path.Combine(UploadsFolder, "0123abce.upload"), "complete");

        store.DeletePartsAfterRestart();

        Assert.Equal(["0123abce.upload"], Directory.EnumerateFiles(UploadsFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task DeletesAnUpload()
    {
        var store = new DiskUploadStore(_db.Dialect);
        var id = ImportIds.New();
        await using (var target = store.Create(id))
        {
            await target.CommitAsync(_ct);
        }

        store.Delete(id);

        Assert.Empty(Directory.EnumerateFiles(UploadsFolder));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("ABCDEF")]
    public void RefusesAnIdThatIsNotAServerMadeId(string id) =>
        Assert.Throws<ArgumentException>(() => new DiskUploadStore(_db.Dialect).OpenRead(id));

    [Fact]
    public async Task TheSweepDeletesFilesOfAppliedImportsAndFilesNoImportNamesOnceIdleSinceTheCutoff()
    {
        var store = new DiskUploadStore(_db.Dialect);
        var cutoff = DateTimeOffset.UtcNow.AddDays(-7);
        var (applied, checkedOne, orphanOld, orphanRecent) = (ImportIds.New(), ImportIds.New(), ImportIds.New(), ImportIds.New());
        foreach (var id in new[] { applied, checkedOne, orphanOld, orphanRecent })
        {
            await using var target = store.Create(id);
            await target.Stream.WriteAsync("x"u8.ToArray(), _ct);
            await target.CommitAsync(_ct);
        }

        foreach (var (id, state) in new[] { (applied, ImportState.Applied), (checkedOne, ImportState.Checked) })
        {
            var import = TestDatabase.NewImport() with { ImportId = id, State = state };
            await _db.Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        }

        File.SetLastWriteTimeUtc(Path.Combine(UploadsFolder, orphanOld + ".upload"), cutoff.AddDays(-1).UtcDateTime); // an import deleted long ago whose file stayed

        var deleted = await store.DeleteAbandonedAsync(cutoff, _ct);

        Assert.Equal(2, deleted);
        Assert.Equal(
            new[] { checkedOne, orphanRecent }.Select(id => id + ".upload").Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(UploadsFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AtRestartAResumableUploadsPartStaysAndAFinishedOnesIsRenamedToItsImportsFile()
    {
        var store = new DiskUploadStore(_db.Dialect);
        var inProgress = await StartResumableAsync(store, "in progress");
        var finished = await StartResumableAsync(store, "Email\n");
        using (var transaction = store.Resumable.BeginWrite(finished))
        {
            var import = TestDatabase.NewImport() with { ImportId = finished, SizeBytes = 6 };
            transaction.Finish(import, TestDatabase.Audit(import));
        }

        // What a stop right after the finishing commit leaves: the part not renamed yet; and a part no row names.
        File.Move(Path.Combine(UploadsFolder, finished + ".upload"), Path.Combine(UploadsFolder, finished + ".part"));
        var orphan = ImportIds.New();
        File.WriteAllText(Path.Combine(UploadsFolder, orphan + ".part"), "cut short");

        store.DeletePartsAfterRestart();

        Assert.Equal(
            new[] { inProgress + ".part", finished + ".upload" }.Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(UploadsFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("in progress", await File.ReadAllTextAsync(Path.Combine(UploadsFolder, inProgress + ".part"), _ct));
    }

    [Fact]
    public async Task AWriteWhoseRowDidNotCommitLeavesNoBytesTheNextWriteKeeps()
    {
        var store = new DiskUploadStore(_db.Dialect);
        var uploadId = await StartResumableAsync(store, "Email,");
        using (var transaction = store.Resumable.BeginWrite(uploadId))
        {
            transaction.Append("lost"u8.ToArray(), DateTimeOffset.UtcNow); // flushed to the part, never committed
        }

        using (var transaction = store.Resumable.BeginWrite(uploadId))
        {
            transaction.Append("First name"u8.ToArray(), DateTimeOffset.UtcNow);
            transaction.Commit();
        }

        Assert.Equal("Email,First name", await File.ReadAllTextAsync(Path.Combine(UploadsFolder, uploadId + ".part"), _ct));
        Assert.Equal(16, (await store.Resumable.FindAsync(uploadId, _ct))?.PersistedSize);
    }

    /// <summary>Starts a resumable upload of organization acme and stores its first bytes.</summary>
    private async Task<string> StartResumableAsync(DiskUploadStore store, string firstBytes)
    {
        var now = DateTimeOffset.UtcNow;
        var upload = new ResumableUpload
        {
            UploadId = ImportIds.New(),
            OrganizationId = "acme",
            Subject = "tester",
            FileName = "users.csv",
            SizeBytes = 0,
            Sha256 = "",
            PersistedSize = 0,
            StartTime = now,
            LastWriteTime = now,
        };
        Assert.Null(await store.Resumable.TryStartAsync(upload, 10, now.AddMinutes(-1), _ct));
        using var transaction = store.Resumable.BeginWrite(upload.UploadId);
        transaction.Append(System.Text.Encoding.UTF8.GetBytes(firstBytes), now);
        transaction.Commit();
        return upload.UploadId;
    }
}
