using BulkInvite.Core.Importing;
using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// The store the server runs on, as Storage:Provider chose it: the one <see cref="Storage.Store"/>
/// over the engine's dialect, and what differs around it — where uploaded files live, the folder
/// for what the server keeps on disk, and the engine's own background work. The one place the
/// server depends on an engine.
/// </summary>
internal abstract class StorageBackend(Store store) : IDisposable
{
    public Store Store => store;

    public abstract IUploadStore Uploads { get; }

    /// <summary>The resumable uploads, whose bytes live where <see cref="Uploads"/> keeps files.</summary>
    public abstract IResumableUploadStore ResumableUploads { get; }

    /// <summary>The folder beside the data where the server writes what it keeps on disk by default (Pickup emails).</summary>
    public abstract string DataDirectory { get; }

    /// <summary>Creates or migrates the schema and clears what a crash left behind, before the server takes calls.</summary>
    public virtual void Prepare(ILogger logger) => store.Migrate(logger);

    /// <summary>The engine's own background work (SQLite: WAL checkpoints); none by default.</summary>
    public virtual IEnumerable<IHostedService> CreateBackgroundServices(IServiceProvider services) => [];

    public void Dispose() => store.Dialect.Dispose();

    public static StorageBackend Create(StorageOptions options, TimeProvider clock) => options.Engine switch
    {
        StorageProvider.Postgres => new PostgresStorageBackend(new PostgresDialect(options.ConnectionString), clock),
        _ => new SqliteStorageBackend(new SqliteDialect(options)),
    };
}
