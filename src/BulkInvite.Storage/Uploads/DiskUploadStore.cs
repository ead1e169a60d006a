using BulkInvite.Core.Importing;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Uploaded files in a folder: written as "{id}.part" while the upload runs and renamed to
/// "{id}.upload" once complete, so a partial file is never mistaken for a complete one. Which files
/// are still needed is read from the imports of the SQLite database beside the folder.
/// </summary>
public sealed class DiskUploadStore : Repository, IUploadStore
{
    // Ids asked about in one statement, well under SQLite's limit on bound parameters.
    private const int IdsPerQuery = 500;

    private const string PartExtension = ".part";
    private const string CompleteExtension = ".upload";

    private readonly string _directory;

    public DiskUploadStore(SqliteDialect dialect)
        : base(dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _directory = dialect.Options.ResolvedUploadsPath;
        Directory.CreateDirectory(_directory);
    }

    public IUploadTarget Create(string importId) =>
        new Target(PathOf(importId, PartExtension), PathOf(importId, CompleteExtension));

    public Stream OpenRead(string importId) =>
        new FileStream(PathOf(importId, CompleteExtension), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);

    public void Delete(string importId) => File.Delete(PathOf(importId, CompleteExtension));

    /// <summary>Removes what uploads cut short by a crash left behind; run at startup, before any upload.</summary>
    public void DeleteAbandonedParts()
    {
        foreach (var part in Directory.EnumerateFiles(_directory, "*" + PartExtension))
        {
            File.Delete(part);
        }
    }

    public async Task<int> DeleteAbandonedAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(_directory, "*" + CompleteExtension)
            .Select(path => (Path: path, ImportId: Path.GetFileNameWithoutExtension(path)))
            .Where(file => file.ImportId.Length > 0 && file.ImportId.All(char.IsAsciiHexDigitLower))
            .ToList();
        var deleted = 0;
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        foreach (var batch in files.Chunk(IdsPerQuery))
        {
            var states = (await connection.QueryAsync<(string ImportId, long State)>(new CommandDefinition(
                    "SELECT import_id, state FROM imports WHERE import_id IN @ids", new { ids = batch.Select(f => f.ImportId) }, cancellationToken: cancellationToken)))
                .ToDictionary(s => s.ImportId, s => (ImportState)s.State, StringComparer.Ordinal);
            foreach (var file in batch)
            {
                var abandoned = states.TryGetValue(file.ImportId, out var state)
                    ? state == ImportState.Applied
                    : File.GetLastWriteTimeUtc(file.Path) < writtenBefore.UtcDateTime;
                if (abandoned)
                {
                    File.Delete(file.Path);
                    deleted++;
                }
            }
        }

        return deleted;
    }

    private string PathOf(string importId, string extension) => Path.Combine(_directory, UploadIds.Require(importId) + extension);

    private sealed class Target(string partPath, string completePath) : IUploadTarget
    {
        private bool _committed;

        public Stream Stream { get; } = new FileStream(partPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous);

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await Stream.FlushAsync(cancellationToken);
            ((FileStream)Stream).Flush(flushToDisk: true);
            await Stream.DisposeAsync();
            File.Move(partPath, completePath);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await Stream.DisposeAsync();
            if (!_committed)
            {
                File.Delete(partPath);
            }
        }
    }
}
