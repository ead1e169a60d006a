using System.Diagnostics.Metrics;
using BulkInvite.Core.Telemetry;
using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// The gauges read from the store, on the BulkInvite meter: invitations by status, the outbox's
/// depth, the emails due and the age of the oldest due one. Each collection reads
/// <see cref="StoreStatistics"/> (cached for a few seconds); when the database cannot be reached the
/// gauges report nothing (readiness says why) rather than stale numbers.
/// </summary>
internal sealed partial class StoreMetrics(BulkInviteTelemetry telemetry, StoreStatistics statistics, ILogger<StoreMetrics> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var meter = telemetry.Meter;
        meter.CreateObservableGauge("bulkinvite.invitations",
            () => Read<long>(s => s.InvitationsByStatus.Select(status => new Measurement<long>(status.Value, new KeyValuePair<string, object?>("status", status.Key)))),
            "{invitation}", "Invitations by status: pending, accepted, revoked, expired.");
        meter.CreateObservableGauge("bulkinvite.outbox.queued", () => Read<long>(s => [new Measurement<long>(s.OutboxQueued)]),
            "{email}", "Invitation emails waiting to be sent: due now, retrying later, or being sent.");
        meter.CreateObservableGauge("bulkinvite.outbox.due", () => Read<long>(s => [new Measurement<long>(s.OutboxDue)]),
            "{email}", "Invitation emails due now and not yet claimed by a dispatcher.");
        meter.CreateObservableGauge("bulkinvite.outbox.oldest_due.age", () => Read<double>(s => [new Measurement<double>(s.OldestDueAge.TotalSeconds)]),
            "s", "How long the oldest due invitation email has waited for a dispatcher (0 when none is due): delivery lag.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private List<Measurement<T>> Read<T>(Func<StoreStatistics.Snapshot, IEnumerable<Measurement<T>>> measure)
        where T : struct
    {
        try
        {
            // Gauge callbacks are synchronous; the read is cached, so at most one query every few seconds waits here.
            return measure(statistics.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult()).ToList();
        }
#pragma warning disable CA1031 // A database that cannot be reached leaves the gauges empty; it must not fail the scrape.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogUnreadable(logger, e);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The store's statistics could not be read for the metrics")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
