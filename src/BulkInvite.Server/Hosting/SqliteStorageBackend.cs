using BulkInvite.Core.Importing;
using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

/// <summary>SQLite: one database file, uploads in a folder beside it, one server process.</summary>
internal sealed class SqliteStorageBackend(SqliteDialect dialect) : StorageBackend(new Store(dialect))
{
    private readonly DiskUploadStore _uploads = new(dialect);

    public override IUploadStore Uploads => _uploads;

    public override IResumableUploadStore ResumableUploads => _uploads.Resumable;

    public override string DataDirectory => Path.GetDirectoryName(dialect.Options.DatabasePath)!;

    public override void Prepare(ILogger logger)
    {
        base.Prepare(logger);
        // Only this process uses the folder, so a streamed upload's part at startup was cut short by
        // the stop; a resumable upload's part stays for the upload to continue.
        _uploads.DeletePartsAfterRestart();
    }

    public override IEnumerable<IHostedService> CreateBackgroundServices(IServiceProvider services) =>
        [ActivatorUtilities.CreateInstance<WalCheckpointService>(services, new SqliteCheckpoint(dialect), dialect.Options)];
}
