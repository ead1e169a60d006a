namespace BulkInvite.Core.Importing;

/// <summary>Reads and deletes imports: GetImport, ListImports, DeleteImport.</summary>
public sealed class ImportQueries(IImportRepository imports, IUploadStore files)
{
    public async Task<ImportRecord> GetAsync(string importId, CancellationToken cancellationToken) =>
        await imports.FindAsync(ImportIds.Require(importId), cancellationToken) ?? throw new ImportNotFoundException(importId);

    public async Task<(IReadOnlyList<ImportRecord> Imports, string NextPageToken)> ListAsync(
        string organizationId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(organizationId))
        {
            throw new InvalidRequestException("organization_id", "organization_id is required.");
        }

        var limit = PageToken.PageSize(pageSize);
        var after = PageToken.Decode(pageToken, organizationId, 2) is [var time, var id]
            ? new ImportCursor(DateTimeOffset.FromUnixTimeMilliseconds(PageToken.ParseNumber(time)), id)
            : null;
        var page = await imports.ListAsync(organizationId, after, limit + 1, cancellationToken);
        var last = page.Count > limit ? page[limit - 1] : null;
        var next = last is null ? "" : PageToken.Encode(organizationId, PageToken.Format(last.CreateTime.ToUnixTimeMilliseconds()), last.ImportId);
        return (page.Take(limit).ToList(), next);
    }

    public async Task DeleteAsync(string importId, CancellationToken cancellationToken)
    {
        if (!await imports.DeleteAsync(ImportIds.Require(importId), cancellationToken))
        {
            throw new ImportNotFoundException(importId);
        }

        files.Delete(importId);
    }
}
