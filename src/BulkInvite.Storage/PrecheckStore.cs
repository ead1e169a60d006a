using BulkInvite.Core.Importing;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>The checks while uploading: where they stage (<see cref="PrecheckStaging"/>), and the sweep of those left behind.</summary>
internal sealed class PrecheckStore(StoreDialect dialect, TimeProvider clock) : Repository(dialect), IPrecheckStore
{
    public IPrecheckStaging Begin(string importId, DateTimeOffset now) => PrecheckStaging.Begin(Dialect, clock, importId, now);

    public async Task<int> DeleteAbandonedAsync(DateTimeOffset idleBefore, CancellationToken cancellationToken)
    {
        var cutoff = idleBefore.ToUnixTimeMilliseconds();
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var idle = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT p.import_key FROM prechecks p WHERE p.update_time < @cutoff " +
            "AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.import_key = p.import_key AND i.state = @uploaded)",
            new { cutoff, uploaded = (int)ImportState.Uploaded }, cancellationToken: cancellationToken))).ToList();
        var deleted = 0;
        foreach (var importKey in idle)
        {
            // One transaction each, deciding again under the writer or the row's lock: the upload may
            // have completed since, or CheckImport taken the pre-check over.
            await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken);
            var parameters = new { importKey, cutoff, uploaded = (int)ImportState.Uploaded };
            var state = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT state FROM imports WHERE import_key = @importKey", parameters, transaction, cancellationToken: cancellationToken));
            if (state == (int)ImportState.Uploaded)
            {
                continue;
            }

            var gone = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM prechecks WHERE import_key = @importKey AND update_time < @cutoff", parameters, transaction, cancellationToken: cancellationToken));
            if (gone > 0 && state is null)
            {
                // No import has the key, so the rows under it are the pre-check's alone.
                StagedRows.Delete(connection, transaction, Dialect, importKey);
            }

            await transaction.CommitAsync(cancellationToken);
            deleted += gone;
        }

        return deleted;
    }
}
