using BulkInvite.Core.Importing;
using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// PostgreSQL: everything, uploaded files included, in one database that any number of identical
/// servers share (docs/deployment.md).
/// </summary>
internal sealed class PostgresStorageBackend(PostgresDialect dialect, TimeProvider clock) : StorageBackend(new Store(dialect))
{
    private readonly PostgresUploadStore _uploads = new(dialect, clock);

    public override IUploadStore Uploads => _uploads;

    public override IResumableUploadStore ResumableUploads => _uploads.Resumable;

    /// <summary>"data" under the working directory, where the SQLite default keeps its file too.</summary>
    public override string DataDirectory => Path.GetFullPath("data");

    // Nothing is cleared at startup: another server may be in the middle of an upload; abandoned
    // uploads are swept by AbandonedUploadSweepService, as on SQLite.
}
