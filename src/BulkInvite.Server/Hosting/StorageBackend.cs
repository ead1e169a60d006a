using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Server.Hosting;

/// <summary>Which store the server keeps its data in (Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file and an uploads folder beside it: one server process.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database holding everything, uploads included: any number of identical servers.</summary>
    Postgres,
}

/// <summary>
/// The store the server runs on, as Storage:Provider chose it: every repository, the uploaded
/// files, and what the store needs at startup (migrations), from the health check, and in the
/// background. The one place the server depends on a store's own classes.
/// </summary>
internal abstract class StorageBackend
{
    public const string ProviderKey = "Storage:Provider";

    public abstract IImportRepository Imports { get; }

    public abstract IAuditLog AuditLog { get; }

    public abstract IInvitationRepository Invitations { get; }

    public abstract IInvitationOutbox Outbox { get; }

    public abstract IUploadStore Uploads { get; }

    /// <summary>The folder beside the data where the server writes what it keeps on disk by default (Pickup emails).</summary>
    public abstract string DataDirectory { get; }

    /// <summary>Creates or migrates the schema and clears what a crash left behind, before the server takes calls.</summary>
    public abstract void Prepare();

    /// <summary>Runs a query; throws when the database cannot be reached.</summary>
    public abstract Task PingAsync(CancellationToken cancellationToken);

    /// <summary>The store's own background work (SQLite: WAL checkpoints; PostgreSQL: sweeping abandoned uploads).</summary>
    public abstract IHostedService CreateBackgroundService(IServiceProvider services);

    /// <summary>Storage:Provider: "sqlite" (the default) or "postgres".</summary>
    public static StorageProvider ProviderFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[ProviderKey];
        return value?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => StorageProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => StorageProvider.Postgres,
            _ => throw new InvalidOperationException($"{ProviderKey} is \"{value}\"; it must be \"sqlite\" or \"postgres\"."),
        };
    }
}
