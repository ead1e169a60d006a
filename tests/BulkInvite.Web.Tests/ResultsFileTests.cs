using System.Text;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Microsoft.VisualBasic.FileIO;

namespace BulkInvite.Web.Tests;

/// <summary>The results file (ExportImportResults) downloaded from the review and from the result, its bytes read back.</summary>
public sealed class ResultsFileTests : PageTest
{
    [Fact]
    public async Task TheReviewAndTheResultDownloadEachRowsStatusAndReasonAndTheRowsToFixUnderTheServersFileName()
    {
        await InviteAsync("cyd@example.com");
        var importId = await UploadAsync(Encoding.UTF8.GetBytes("Email,First name,Last name\nann@example.com,Ann,Lee\nnot-an-email,Bob,Ray\ncyd@example.com,Cyd,Doe\n"), "team.csv");
        await SignInAsync();
        await Page.GotoAsync($"{PageAddress}/imports/{importId}");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review team.csv" }).WaitForAsync();
        await StepAsync("1-review");

        var results = await DownloadAsync("Download results");
        var toFix = await DownloadAsync("Download the 1 row to fix");
        await Page.GetByLabel("Excel (.xlsx)").CheckAsync();
        var xlsx = await DownloadAsync("Download results");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next: choose permissions" }).ClickAsync();
        await Page.GetByLabel("projects.view").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Invite 1 user" }).ClickAsync();
        await Page.GetByTestId("invited").WaitForAsync();
        await StepAsync("2-result");
        var applied = await DownloadAsync("Download results");

        Assert.Equal($"bulk-invite-results-{importId}.csv", results.Name);
        var rows = Csv(results.Bytes);
        Assert.Equal(["Email", "First name", "Last name", "Status", "Reason"], rows[0]);
        Assert.Equal(["ann@example.com", "will be invited", ""], [rows[1][0], rows[1][3], rows[1][4]]);
        Assert.Equal(["not-an-email", "error"], [rows[2][0], rows[2][3]]);
        Assert.NotEmpty(rows[2][4]);
        Assert.Equal(["cyd@example.com", "skipped: already invited"], [rows[3][0], rows[3][3]]);
        Assert.Equal(4, rows.Count);
        Assert.Equal($"bulk-invite-rows-to-fix-{importId}.csv", toFix.Name);
        var fix = Csv(toFix.Bytes);
        Assert.Equal(["Email", "First name", "Last name", "Description", "Reason"], fix[0]);
        Assert.Equal(["not-an-email", "Bob", "Ray", ""], fix[1][..4]);
        Assert.Equal(2, fix.Count);
        Assert.Equal($"bulk-invite-results-{importId}.xlsx", xlsx.Name);
        Assert.Equal("PK"u8.ToArray(), xlsx.Bytes[..2]);
        Assert.Equal(["invited", "error", "skipped: already invited"], Csv(applied.Bytes).Skip(1).Select(r => r[3]));
        Assert.Empty(ScriptErrors);
    }

    /// <summary>The CSV's records (UTF-8 with a byte order mark, RFC 4180 quoting), header first.</summary>
    private static List<string[]> Csv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }
}
