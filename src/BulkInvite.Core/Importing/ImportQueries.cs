using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using Microsoft.Extensions.Logging;

namespace BulkInvite.Core.Importing;

/// <summary>Reads and deletes imports (GetImport, ListImports, DeleteImport) and reads the audit trail, as the caller may.</summary>
public sealed class ImportQueries(IImportRepository imports, IUploadStore files, IAuditLog audit, TimeProvider clock, ILogger<ImportQueries> logger)
{
    public async Task<ImportRecord> GetAsync(Caller caller, string importId, CancellationToken cancellationToken)
    {
        AccessRules.RequireInviter(caller);
        return (await imports.FindAsync(ImportIds.Require(importId), cancellationToken)).VisibleTo(caller, importId);
    }

    public async Task<(IReadOnlyList<ImportRecord> Imports, string NextPageToken)> ListAsync(
        Caller caller, string organizationId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        AccessRules.RequireInviter(caller);
        RequireOrganization(caller, organizationId);
        var limit = PageToken.PageSize(pageSize);
        var after = PageToken.Decode(pageToken, organizationId, 2) is [var time, var id]
            ? new ImportCursor(DateTimeOffset.FromUnixTimeMilliseconds(PageToken.ParseNumber(time)), id)
            : null;
        var page = await imports.ListAsync(organizationId, after, limit + 1, cancellationToken);
        var last = page.Count > limit ? page[limit - 1] : null;
        var next = last is null ? "" : PageToken.Encode(organizationId, PageToken.Format(last.CreateTime.ToUnixTimeMilliseconds()), last.ImportId);
        return (page.Take(limit).ToList(), next);
    }

    public async Task DeleteAsync(Caller caller, string importId, CancellationToken cancellationToken)
    {
        var import = await GetAsync(caller, importId, cancellationToken);
        if (!await imports.DeleteAsync(importId, AuditEvents.For(import, caller, AuditAction.Deleted, clock.Now()), cancellationToken))
        {
            throw new ImportNotFoundException(importId);
        }

        StoredFileCleanup.DeleteOrLeaveToSweep(files, importId, logger);
    }

    /// <summary>The organization's audit trail, newest first; organization admins only.</summary>
    public async Task<(IReadOnlyList<AuditEvent> Events, string NextPageToken)> ListAuditEventsAsync(
        Caller caller, string organizationId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        AccessRules.RequireAdmin(caller);
        RequireOrganization(caller, organizationId);
        var limit = PageToken.PageSize(pageSize);
        var after = PageToken.Decode(pageToken, "audit:" + organizationId, 1) is [var id] ? new AuditCursor(PageToken.ParseNumber(id)) : null;
        var page = await audit.ListAsync(organizationId, after, limit + 1, cancellationToken);
        var next = page.Count > limit ? PageToken.Encode("audit:" + organizationId, PageToken.Format(page[limit - 1].EventId)) : "";
        return (page.Take(limit).ToList(), next);
    }

    private static void RequireOrganization(Caller caller, string organizationId)
    {
        if (string.IsNullOrWhiteSpace(organizationId))
        {
            throw new InvalidRequestException("organization_id", "organization_id is required.");
        }

        AccessRules.RequireOwnOrganization(caller, organizationId, "organization_id");
    }
}
