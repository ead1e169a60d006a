using BulkInvite.Core.Importing;

namespace BulkInvite.Storage;

/// <summary>
/// Uploaded files in a folder: written as "{id}.part" while the upload runs and renamed to
/// "{id}.upload" once complete, so a partial file is never mistaken for a complete one.
/// </summary>
public sealed class DiskUploadStore : IUploadStore
{
    private const string PartExtension = ".part";
    private const string CompleteExtension = ".upload";

    private readonly string _directory;

    public DiskUploadStore(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _directory = options.ResolvedUploadsPath;
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
