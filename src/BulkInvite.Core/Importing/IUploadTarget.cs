namespace BulkInvite.Core.Importing;

/// <summary>A file being uploaded.</summary>
public interface IUploadTarget : IAsyncDisposable
{
    /// <summary>Readable, writable and seekable.</summary>
    Stream Stream { get; }

    Task CommitAsync(CancellationToken cancellationToken);
}
