using System.Buffers;
using System.Data.Common;
using System.Security.Cryptography;
using BulkInvite.Core.Importing;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace BulkInvite.Storage;

/// <summary>
/// Uploaded files in the database, so every server reaches every file. An upload writes its bytes in
/// chunks as they arrive: a streamed upload in fixed-size chunks (each committed on its own), keeping
/// a temporary copy on the receiving server for the format detection that reads it back; a resumable
/// upload one chunk per write, in the transaction that moves its persisted size, under the upload's
/// id. A file counts only once the import row naming it is committed (a finished resumable upload's
/// import takes its id): reading it needs that row, and its chunks must add up to the size and
/// SHA-256 the row records. Chunks a stopped server left behind are deleted by
/// <see cref="DeleteAbandonedAsync"/>, those of expired resumable uploads with them.
/// </summary>
public sealed class PostgresUploadStore : Repository, IUploadStore, IResumableUploadBytes
{
    public const int DefaultChunkBytes = 1024 * 1024;

    private readonly PostgresDialect _dialect;
    private readonly TimeProvider _clock;
    private readonly int _chunkBytes;

    public PostgresUploadStore(PostgresDialect dialect, TimeProvider clock, int chunkBytes = DefaultChunkBytes)
        : base(dialect)
    {
        _dialect = dialect;
        _clock = clock;
        _chunkBytes = chunkBytes > 0 ? chunkBytes : throw new ArgumentOutOfRangeException(nameof(chunkBytes));
        Resumable = new ResumableUploadRepository(dialect, this);
    }

    /// <summary>The resumable uploads, whose bytes are chunks in this store.</summary>
    public IResumableUploadStore Resumable { get; }

    public IUploadTarget Create(string importId)
    {
        UploadIds.Require(importId);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        using (var connection = _dialect.DataSource.OpenConnection())
        {
            connection.Execute(
                "INSERT INTO uploads (import_id, start_time, last_write_time) VALUES (@importId, @now, @now)", new { importId, now });
        }

        return new Target(this, importId);
    }

    /// <summary>
    /// Copies a committed file to a temporary file on this server (the spreadsheet readers seek), which
    /// goes with the stream.
    /// </summary>
    public Stream OpenRead(string importId)
    {
        UploadIds.Require(importId);
        var file = TemporaryFile($"bulkinvite-{importId}-{Guid.NewGuid():N}.upload", FileOptions.None);
        try
        {
            using var connection = _dialect.DataSource.OpenConnection();
            var expected = connection.QuerySingleOrDefault<(long SizeBytes, string Sha256)?>(
                "SELECT size_bytes, sha256 FROM imports WHERE import_id = @importId", new { importId })
                ?? throw new FileNotFoundException($"No import {importId} has a stored file.");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            CopyChunks(connection, null, importId, file, hash);
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (file.Length != expected.SizeBytes || !string.Equals(sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new FileNotFoundException($"The stored file of import {importId} is incomplete: {file.Length} bytes where {expected.SizeBytes} were uploaded.");
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Appends the file's chunks, in order, to <paramref name="destination"/>, hashing them when asked.</summary>
    private static void CopyChunks(NpgsqlConnection connection, NpgsqlTransaction? transaction, string id, Stream destination, IncrementalHash? hash)
    {
        using var command = new NpgsqlCommand("SELECT bytes FROM upload_chunks WHERE import_id = $1 ORDER BY chunk_number", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = id });
        using var reader = command.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (reader.Read())
            {
                using var chunk = reader.GetStream(0);
                int read;
                while ((read = chunk.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash?.AppendData(buffer, 0, read);
                    destination.Write(buffer, 0, read);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Delete(string importId)
    {
        UploadIds.Require(importId);
        using var connection = _dialect.DataSource.OpenConnection();
        connection.Execute("DELETE FROM uploads WHERE import_id = @importId", new { importId });
    }

    /// <summary>
    /// Deletes what no import needs any more: uploads that no import row names (a server stopped
    /// mid-upload, or before the import was stored) and that nothing was written to since
    /// <paramref name="writtenBefore"/>, and files of applied imports that a stopped server did not
    /// get to delete. Safe to run on every server at once. Returns how many files.
    /// </summary>
    public async Task<int> DeleteAbandonedAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM uploads u WHERE " +
            "(u.last_write_time < @cutoff AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.import_id = u.import_id) " +
            "AND NOT EXISTS (SELECT 1 FROM resumable_uploads r WHERE r.upload_id = u.import_id)) " +
            "OR EXISTS (SELECT 1 FROM imports i WHERE i.import_id = u.import_id AND i.state = @applied)",
            new { cutoff = writtenBefore.ToUnixTimeMilliseconds(), applied = (int)ImportState.Applied },
            cancellationToken: cancellationToken));
    }

    void IResumableUploadBytes.Create(DbConnection connection, DbTransaction transaction, string uploadId, long now) =>
        connection.Execute(
            "INSERT INTO uploads (import_id, start_time, last_write_time) VALUES (@uploadId, @now, @now)", new { uploadId = UploadIds.Require(uploadId), now }, transaction);

    void IResumableUploadBytes.Append(DbConnection connection, DbTransaction transaction, string uploadId, long persistedSize, ReadOnlyMemory<byte> bytes, long now)
    {
        // Chunks are inserted in the upload's transaction only, so they always add up to persistedSize.
        using var command = new NpgsqlCommand(
            "WITH alive AS (UPDATE uploads SET last_write_time = $2 WHERE import_id = $1 RETURNING import_id) " +
            "INSERT INTO upload_chunks (import_id, chunk_number, bytes) " +
            "SELECT import_id, (SELECT COALESCE(MAX(chunk_number) + 1, 0) FROM upload_chunks WHERE import_id = $1), $3 FROM alive WHERE octet_length($3) > 0",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = UploadIds.Require(uploadId) },
                new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = now },
                new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = bytes },
            },
        };
        command.ExecuteNonQuery();
    }

    Stream IResumableUploadBytes.OpenRead(DbConnection connection, DbTransaction transaction, string uploadId, long size)
    {
        var file = TemporaryFile($"bulkinvite-{UploadIds.Require(uploadId)}-{Guid.NewGuid():N}.part", FileOptions.None);
        try
        {
            CopyChunks((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, uploadId, file, null);
            if (file.Length != size)
            {
                throw new InvalidDataException($"The chunks of upload {uploadId} add up to {file.Length} bytes where {size} were stored.");
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    void IResumableUploadBytes.Delete(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> uploadIds)
    {
        if (uploadIds.Count > 0)
        {
            connection.Execute("DELETE FROM uploads WHERE import_id = ANY(@uploadIds)", new { uploadIds = uploadIds.ToArray() }, transaction);
        }
    }

    void IResumableUploadBytes.AfterDelete(IReadOnlyCollection<string> uploadIds)
    {
        // The chunks went with the rows, in the transaction.
    }

    void IResumableUploadBytes.AfterFinish(string uploadId)
    {
        // The chunks are under the import's id already.
    }

    /// <summary>
    /// A file in the temp folder that disappears with its stream. On Unix it is unlinked at once, so
    /// not even a killed process leaves it behind; Windows deletes it when the handle closes.
    /// </summary>
    private static FileStream TemporaryFile(string name, FileOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), name);
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, options | FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        return file;
    }

    /// <summary>Writes one chunk and notes the upload is alive; fails when the upload was deleted meanwhile.</summary>
    private async Task WriteChunkAsync(string importId, int chunkNumber, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "WITH alive AS (UPDATE uploads SET last_write_time = $2 WHERE import_id = $1 RETURNING import_id) " +
            "INSERT INTO upload_chunks (import_id, chunk_number, bytes) SELECT import_id, $3, $4 FROM alive", connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = importId },
                new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = _clock.GetUtcNow().ToUnixTimeMilliseconds() },
                new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = chunkNumber },
                new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = bytes },
            },
        };
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"The upload of import {importId} was deleted while it was being written.");
        }
    }

    /// <summary>
    /// An upload in progress: the stream appends to a temporary file (read back by the format
    /// detection) and sends every full chunk to the database; committing sends the last one.
    /// Disposed uncommitted, it deletes what it wrote.
    /// </summary>
    private sealed class Target(PostgresUploadStore store, string importId) : IUploadTarget
    {
        private readonly ChunkingStream _stream = new(store, importId);
        private bool _committed;

        public Stream Stream => _stream;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await _stream.FlushLastChunkAsync(cancellationToken);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync();
            if (!_committed)
            {
                store.Delete(importId);
            }
        }
    }

    private sealed class ChunkingStream(PostgresUploadStore store, string importId) : Stream
    {
        private readonly FileStream _copy = TemporaryFile($"bulkinvite-{importId}.part", FileOptions.Asynchronous);

        private readonly byte[] _pending = ArrayPool<byte>.Shared.Rent(store._chunkBytes);
        private int _pendingLength;
        private int _chunks;
        private bool _disposed;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => _copy.Length;

        public override long Position
        {
            get => _copy.Position;
            set => _copy.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => _copy.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _copy.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _copy.ReadAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => _copy.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException("An upload only grows.");

        public override void Flush() => _copy.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _copy.FlushAsync(cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_copy.Position != _copy.Length)
            {
                throw new NotSupportedException("An upload is written from start to end.");
            }

            await _copy.WriteAsync(buffer, cancellationToken);
            while (buffer.Length > 0)
            {
                var taken = Math.Min(buffer.Length, store._chunkBytes - _pendingLength);
                buffer[..taken].CopyTo(_pending.AsMemory(_pendingLength));
                _pendingLength += taken;
                buffer = buffer[taken..];
                if (_pendingLength == store._chunkBytes)
                {
                    await SendPendingAsync(cancellationToken);
                }
            }
        }

        /// <summary>Sends what is left as the last chunk.</summary>
        public async Task FlushLastChunkAsync(CancellationToken cancellationToken)
        {
            await _copy.FlushAsync(cancellationToken);
            if (_pendingLength > 0)
            {
                await SendPendingAsync(cancellationToken);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_disposed)
            {
                _disposed = true;
                await _copy.DisposeAsync();
                ArrayPool<byte>.Shared.Return(_pending);
            }

            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                _copy.Dispose();
                ArrayPool<byte>.Shared.Return(_pending);
            }

            base.Dispose(disposing);
        }

        private async Task SendPendingAsync(CancellationToken cancellationToken)
        {
            await store.WriteChunkAsync(importId, _chunks, _pending.AsMemory(0, _pendingLength), cancellationToken);
            _chunks++;
            _pendingLength = 0;
        }
    }
}
