using BulkInvite.V1;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>The calls that list, fix, remove and report rows, as a client would make them.</summary>
public static class RowCalls
{
    /// <summary>Every row of the import that passes the filter, following the page tokens.</summary>
    public static async Task<List<ImportRow>> AllRowsAsync(this UserImportService.UserImportServiceClient client, string importId, RowFilter filter = RowFilter.Unspecified, int pageSize = 0)
    {
        var rows = new List<ImportRow>();
        var token = "";
        do
        {
            var page = await client.ListImportRowsAsync(
                new ListImportRowsRequest { ImportId = importId, Filter = filter, PageSize = pageSize, PageToken = token },
                cancellationToken: TestContext.Current.CancellationToken);
            rows.AddRange(page.Rows);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return rows;
    }

    public static async Task<ImportRow> RowAsync(this UserImportService.UserImportServiceClient client, string importId, int rowNumber) =>
        (await client.AllRowsAsync(importId)).Single(r => r.RowNumber == rowNumber);

    public static async Task<UpdateImportRowsResponse> UpdateAsync(this UserImportService.UserImportServiceClient client, string importId, params RowEdit[] edits) =>
        await client.UpdateImportRowsAsync(new UpdateImportRowsRequest { ImportId = importId, Edits = { edits } }, cancellationToken: TestContext.Current.CancellationToken);

    public static async Task<RemoveImportRowsResponse> RemoveAsync(this UserImportService.UserImportServiceClient client, string importId, params int[] rowNumbers) =>
        await client.RemoveImportRowsAsync(new RemoveImportRowsRequest { ImportId = importId, RowNumbers = { rowNumbers } }, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The whole results file and the name the first message gave it.</summary>
    public static async Task<(string FileName, byte[] Content)> ExportAsync(
        this UserImportService.UserImportServiceClient client, string importId, FileFormat format, ResultsScope scope = ResultsScope.AllRows)
    {
        using var call = client.ExportImportResults(new ExportImportResultsRequest { ImportId = importId, Format = format, Scope = scope },
            cancellationToken: TestContext.Current.CancellationToken);
        var content = new MemoryStream();
        var name = "";
        var first = true;
        while (await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken))
        {
            if (first)
            {
                name = call.ResponseStream.Current.FileName;
                first = false;
            }

            call.ResponseStream.Current.Chunk.WriteTo(content);
        }

        return (name, content.ToArray());
    }

    /// <summary>Uploads a CSV and checks it; returns the import as checked.</summary>
    public static async Task<CheckImportResponse> UploadAndCheckAsync(this UserImportService.UserImportServiceClient client, string csv) =>
        await client.CheckAsync((await client.UploadAsync(Files.Utf8Csv(csv))).ImportId);

    public static RowEdit Edit(int rowNumber, long revision = 1, string? email = null, string? firstName = null, string? lastName = null, string? description = null)
    {
        var edit = new RowEdit { RowNumber = rowNumber, ExpectedRevision = revision };
        if (email is not null)
        {
            edit.Email = email;
        }

        if (firstName is not null)
        {
            edit.FirstName = firstName;
        }

        if (lastName is not null)
        {
            edit.LastName = lastName;
        }

        if (description is not null)
        {
            edit.Description = description;
        }

        return edit;
    }

    /// <summary>The counts a client shows, as one tuple for assertions.</summary>
    public static (int Total, int Valid, int Invalid, int Warning) Counts(this Import import) =>
        (import.TotalRows, import.ValidRows, import.InvalidRows, import.WarningRows);
}
