using DbUp;
using Microsoft.Extensions.Logging;

namespace BulkInvite.Storage;

/// <summary>
/// Applies the engine's embedded migrations (Migrations/Sqlite or Migrations/Postgres) not yet
/// recorded in schema_versions, each in its own transaction, logging through the server's logger.
/// Scripts keep the resource names the two former storage projects gave them (the csproj sets
/// them), which is what schema_versions recorded: an existing database runs nothing again.
/// </summary>
internal static class Migrator
{
    public static void Migrate(StoreDialect dialect, ILogger logger)
    {
        using var prepared = dialect.PrepareMigration();
        var result = dialect.MigrationTarget()
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.StartsWith(dialect.MigrationScriptPrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(logger)
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migrating the database failed at {result.ErrorScript?.Name}.", result.Error);
        }
    }
}
