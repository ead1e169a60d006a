using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Postgres;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// PostgreSQL: everything, uploaded files included, in one database that any number of identical
/// servers share (docs/deployment.md).
/// </summary>
internal sealed class PostgresStorageBackend(PostgresDatabase database, TimeProvider clock) : StorageBackend
{
    private readonly PostgresUploadStore _uploads = new(database, clock);

    public override IImportRepository Imports { get; } = new PostgresImportRepository(database);

    public override IAuditLog AuditLog { get; } = new PostgresAuditLog(database);

    public override IInvitationRepository Invitations { get; } = new PostgresInvitationRepository(database);

    public override IInvitationOutbox Outbox { get; } = new PostgresInvitationOutbox(database);

    public override IUploadStore Uploads => _uploads;

    /// <summary>"data" under the working directory, where the SQLite default keeps its file too.</summary>
    public override string DataDirectory => Path.GetFullPath("data");

    /// <summary>
    /// Migrates (servers starting together take turns). Nothing is cleared here: another server may
    /// be in the middle of an upload; abandoned uploads are swept by <see cref="AbandonedUploadSweepService"/>.
    /// </summary>
    public override void Prepare() => database.Migrate();

    public override async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public override IHostedService CreateBackgroundService(IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<AbandonedUploadSweepService>(services, _uploads);
}
