using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

/// <summary>SQLite: one database file, uploads in a folder beside it, one server process.</summary>
internal sealed class SqliteStorageBackend(SqliteDatabase database, DiskUploadStore uploads, StorageOptions options) : StorageBackend
{
    public override IImportRepository Imports { get; } = new SqliteImportRepository(database);

    public override IAuditLog AuditLog { get; } = new SqliteAuditLog(database);

    public override IInvitationRepository Invitations { get; } = new SqliteInvitationRepository(database);

    public override IInvitationOutbox Outbox { get; } = new SqliteInvitationOutbox(database);

    public override IUploadStore Uploads => uploads;

    public override string DataDirectory => Path.GetDirectoryName(options.DatabasePath)!;

    public override void Prepare()
    {
        database.Migrate();
        // Only this process uses the folder, so any partial file at startup was cut short by a crash.
        uploads.DeleteAbandonedParts();
    }

    public override async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public override IHostedService CreateBackgroundService(IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<WalCheckpointService>(services, database);
}
