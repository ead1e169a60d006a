using BulkInvite.Core.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>
/// The server's real upload store with the failures of a disk that filled up or turned read-only
/// switched on at will: as root, chmod does not stop the server's writes, so the failure is
/// injected around the store (the same IOException, with the errno .NET reports on Linux).
/// </summary>
public sealed class FaultyUploadStore(IUploadStore inner) : IUploadStore
{
    public const int NoSpaceLeft = 28; // ENOSPC
    public const int ReadOnlyFileSystem = 30; // EROFS

    /// <summary>Writes fail as on a full disk.</summary>
    public bool DiskFull { get; set; }

    /// <summary>Deletes fail as on a read-only file system.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Replaces the server's upload store with a faulty one around it, and hands it to <paramref name="use"/>.</summary>
    public static Action<IServiceCollection> Around(Action<FaultyUploadStore> use) => services =>
    {
        var real = services.Last(d => d.ServiceType == typeof(IUploadStore));
        services.AddSingleton<IUploadStore>(sp =>
        {
            var faulty = new FaultyUploadStore((IUploadStore)real.ImplementationFactory!(sp));
            use(faulty);
            return faulty;
        });
    };

    public IUploadTarget Create(string importId) => new Target(inner.Create(importId), this);

    public Stream OpenRead(string importId) => inner.OpenRead(importId);

    public void Delete(string importId)
    {
        if (ReadOnly)
        {
            throw new IOException("Read-only file system", ReadOnlyFileSystem);
        }

        inner.Delete(importId);
    }

    public Task<int> DeleteAbandonedAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken) =>
        ReadOnly ? throw new IOException("Read-only file system", ReadOnlyFileSystem) : inner.DeleteAbandonedAsync(writtenBefore, cancellationToken);

    private sealed class Target(IUploadTarget inner, FaultyUploadStore store) : IUploadTarget
    {
        public Stream Stream { get; } = new FullDiskStream(inner.Stream, store);

        public Task CommitAsync(CancellationToken cancellationToken) => inner.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class FullDiskStream(Stream inner, FaultyUploadStore store) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Fail();
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Fail();
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Fail()
        {
            if (store.DiskFull)
            {
                throw new IOException("No space left on device", NoSpaceLeft);
            }
        }
    }
}
