using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using Microsoft.Extensions.Logging;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Deletes imports never applied once they are older than the retention (7 days by default), with
/// their stored file and rows, so personal data does not linger. Each deletion is audited.
/// </summary>
public sealed class ImportRetention(IImportRepository imports, IUploadStore files, BulkInviteOptions options, TimeProvider clock, ILogger<ImportRetention> logger)
{
    private const int Batch = 100;

    /// <summary>Purges every expired import; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var purged = 0;
        var now = clock.Now();
        var cutoff = now - options.ImportRetention;
        while (true)
        {
            var expired = await imports.ListUnappliedBeforeAsync(cutoff, Batch, cancellationToken);
            foreach (var import in expired)
            {
                var system = Caller.System(import.OrganizationId);
                if (await imports.DeleteAsync(import.ImportId, AuditEvents.For(import, system, AuditAction.Purged, now), cancellationToken))
                {
                    purged++;
                }

                StoredFileCleanup.DeleteOrLeaveToSweep(files, import.ImportId, logger);
            }

            if (expired.Count < Batch)
            {
                return purged;
            }
        }
    }
}
