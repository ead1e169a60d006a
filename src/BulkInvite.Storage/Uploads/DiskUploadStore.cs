using System.Data.Common;
using BulkInvite.Core.Importing;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Uploaded files in a folder: written as "{id}.part" while the upload runs and renamed to
/// "{id}.upload" once complete, so a partial file is never mistaken for a complete one. Which files
/// are still needed is read from the SQLite database beside the folder. A streamed upload's part
/// lives as long as its stream; a resumable upload's part ("{upload id}.part", appended and flushed
/// by each write) as long as the upload, across restarts, and is renamed to the import's file (the
/// import takes the upload's id) once the finishing write committed.
/// </summary>
public sealed class DiskUploadStore : Repository, IUploadStore, IResumableUploadBytes
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
        Resumable = new ResumableUploadRepository(dialect, this);
    }

    /// <summary>The resumable uploads, whose bytes are parts in this folder.</summary>
    public IResumableUploadStore Resumable { get; }

    public IUploadTarget Create(string importId) =>
        new Target(PathOf(importId, PartExtension), PathOf(importId, CompleteExtension));

    public Stream OpenRead(string importId)
    {
        var complete = PathOf(importId, CompleteExtension);
        // Only a committed import's file is read, so a part under its id is a finished resumable
        // upload whose rename did not happen after its commit (the disk failed, the process stopped).
        if (!File.Exists(complete) && File.Exists(PathOf(importId, PartExtension)))
        {
            File.Move(PathOf(importId, PartExtension), complete);
        }

        return new FileStream(complete, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
    }

    public void Delete(string importId) => File.Delete(PathOf(importId, CompleteExtension));

    /// <summary>
    /// Tidies the parts at startup, before any upload: a streamed upload's part was cut short by the
    /// stop and is deleted, as is the part of a resumable upload no row names (deleted while the
    /// process stopped); the parts of resumable uploads in progress stay, to be continued; a finished
    /// one's is renamed to its import's file, the move its commit was to be followed by.
    /// </summary>
    public void DeletePartsAfterRestart()
    {
        var parts = Directory.EnumerateFiles(_directory, "*" + PartExtension)
            .Select(path => (Path: path, Id: Path.GetFileNameWithoutExtension(path)))
            .ToList();
        using var connection = Dialect.Open();
        foreach (var batch in parts.Chunk(IdsPerQuery))
        {
            var uploads = connection.Query<(string UploadId, string? ImportId)>(
                    "SELECT upload_id, import_id FROM resumable_uploads WHERE upload_id IN @ids", new { ids = batch.Select(p => p.Id) })
                .ToDictionary(u => u.UploadId, u => u.ImportId, StringComparer.Ordinal);
            foreach (var part in batch)
            {
                if (!uploads.TryGetValue(part.Id, out var importId))
                {
                    File.Delete(part.Path);
                }
                else if (importId is not null)
                {
                    File.Move(part.Path, PathOf(importId, CompleteExtension), overwrite: true);
                }
            }
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

    // Made before the row commits: a part whose row did not is deleted at the next start.
    void IResumableUploadBytes.Create(DbConnection connection, DbTransaction transaction, string uploadId, long now) =>
        new FileStream(PathOf(uploadId, PartExtension), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1).Dispose();

    void IResumableUploadBytes.Append(DbConnection connection, DbTransaction transaction, string uploadId, long persistedSize, ReadOnlyMemory<byte> bytes, long now)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        using var part = new FileStream(PathOf(uploadId, PartExtension), FileMode.Open, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        TrimTo(part, uploadId, persistedSize);
        part.Position = persistedSize;
        part.Write(bytes.Span);
        part.Flush(flushToDisk: true);
    }

    Stream IResumableUploadBytes.OpenRead(DbConnection connection, DbTransaction transaction, string uploadId, long size)
    {
        var part = new FileStream(PathOf(uploadId, PartExtension), FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        try
        {
            TrimTo(part, uploadId, size);
            return part;
        }
        catch
        {
            part.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Drops what a write whose row did not commit (the process stopped, the database failed) left
    /// past the stored size: the client sends those bytes again. A part shorter than the size its row
    /// records lost flushed bytes, which must not pass unnoticed.
    /// </summary>
    private static void TrimTo(FileStream part, string uploadId, long size)
    {
        if (part.Length < size)
        {
            throw new InvalidDataException($"The part of upload {uploadId} has {part.Length} bytes where {size} were stored.");
        }

        if (part.Length > size)
        {
            part.SetLength(size);
        }
    }

    void IResumableUploadBytes.Delete(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> uploadIds)
    {
        // Files are deleted once the rows are (AfterDelete): a rollback must find them.
    }

    void IResumableUploadBytes.AfterDelete(IReadOnlyCollection<string> uploadIds)
    {
        foreach (var uploadId in uploadIds)
        {
            File.Delete(PathOf(uploadId, PartExtension));
        }
    }

    void IResumableUploadBytes.AfterFinish(string uploadId) => File.Move(PathOf(uploadId, PartExtension), PathOf(uploadId, CompleteExtension));

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
