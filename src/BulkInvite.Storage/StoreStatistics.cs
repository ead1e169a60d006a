using System.Data.Common;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// The numbers an operator watches that live in the store: invitations by status, and the
/// outbox's depth and lag. One class for both engines (its SQL is written so SQLite and PostgreSQL
/// both accept it), read for the metrics' observable gauges and the dispatcher's summary. A read
/// is cached for <see cref="MaxAge"/>, and concurrent reads share one query, so scrapes never
/// hammer the database.
/// </summary>
public sealed class StoreStatistics(Func<CancellationToken, ValueTask<DbConnection>> open, TimeProvider clock) : IDisposable
{
    // A count per status over the whole table: fine every few seconds, not on every scrape. A pending
    // invitation past its expiry is expired (the store marks it so lazily, as the API reports it).
    private const string StatusSql = "CASE WHEN status = 'pending' AND expire_time <= @now THEN 'expired' ELSE status END";
    private const string InvitationsSql = "SELECT " + StatusSql + " AS Status, COUNT(*) AS Count FROM invitations GROUP BY " + StatusSql;

    // Claimed emails have next_attempt_time pushed past their claim: "due" means waiting for a dispatcher.
    private const string OutboxSql =
        "SELECT COUNT(*) AS Queued, " +
        "COALESCE(SUM(CASE WHEN next_attempt_time <= @now THEN 1 ELSE 0 END), 0) AS Due, " +
        "MIN(CASE WHEN next_attempt_time <= @now THEN next_attempt_time END) AS OldestDue " +
        "FROM invitations WHERE delivery_state = 'queued'";

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Snapshot? _last;

    /// <summary>How old a cached read may be before the next read queries again.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The statistics, from the cache when younger than <see cref="MaxAge"/> (or <paramref name="maxAge"/>).</summary>
    public async ValueTask<Snapshot> ReadAsync(CancellationToken cancellationToken, TimeSpan? maxAge = null)
    {
        var acceptable = maxAge ?? MaxAge;
        if (_last is { } fresh && clock.GetUtcNow() - fresh.ReadAt < acceptable)
        {
            return fresh;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } other && clock.GetUtcNow() - other.ReadAt < acceptable)
            {
                return other; // another caller read it while this one waited
            }

            _last = await QueryAsync(cancellationToken);
            return _last;
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<Snapshot> QueryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await open(cancellationToken);
        var invitations = await connection.QueryAsync<(string Status, long Count)>(
            new CommandDefinition(InvitationsSql, new { now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        var outbox = await connection.QuerySingleAsync<(long Queued, long Due, long? OldestDue)>(
            new CommandDefinition(OutboxSql, new { now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return new Snapshot(
            invitations.ToDictionary(i => i.Status, i => i.Count),
            outbox.Queued,
            outbox.Due,
            outbox.OldestDue is { } oldest ? now - DateTimeOffset.FromUnixTimeMilliseconds(oldest) : TimeSpan.Zero,
            now);
    }

    public void Dispose() => _reading.Dispose();

    /// <summary>
    /// One read: invitations per status (pending, accepted, revoked, expired), emails queued (due now or
    /// later), emails due now, and how long the oldest due email has waited (zero when none is).
    /// </summary>
    public sealed record Snapshot(IReadOnlyDictionary<string, long> InvitationsByStatus, long OutboxQueued, long OutboxDue, TimeSpan OldestDueAge, DateTimeOffset ReadAt);
}
