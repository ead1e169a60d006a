using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using Dapper;
using Microsoft.Extensions.Logging;

namespace BulkInvite.Storage;

/// <summary>
/// BulkInvite's data on one engine: every repository, written once over the engine's
/// <see cref="StoreDialect"/>, with the schema's migrations and a health probe.
/// </summary>
public sealed class Store(StoreDialect dialect)
{
    public StoreDialect Dialect => dialect;

    public IImportRepository Imports { get; } = new ImportRepository(dialect);

    public IInvitationRepository Invitations { get; } = new InvitationRepository(dialect);

    public IInvitationOutbox Outbox { get; } = new InvitationOutbox(dialect);

    public IAuditLog AuditLog { get; } = new AuditLog(dialect);

    /// <summary>Where checks while uploading stage, stamping their progress with <paramref name="clock"/>'s time (the sweep's).</summary>
    public IPrecheckStore CreatePrecheckStore(TimeProvider clock) => new PrecheckStore(dialect, clock);

    /// <summary>Creates or updates the schema: applies the migrations not yet recorded in schema_versions.</summary>
    public void Migrate(ILogger logger) => Migrator.Migrate(dialect, logger);

    /// <summary>Runs a query; throws when the database cannot be reached.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
    }
}
