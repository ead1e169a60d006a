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

        store.DeleteAbandonedParts();

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
}
