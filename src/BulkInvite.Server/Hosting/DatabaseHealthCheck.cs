using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BulkInvite.Server.Hosting;

/// <summary>Healthy when the configured database (SQLite or PostgreSQL) answers a query.</summary>
internal sealed class DatabaseHealthCheck(StorageBackend storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.Store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to reach the database is "unhealthy", never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}
