using System.Text;
using BulkInvite.V1;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BulkInvite.Web.Tests;

/// <summary>The admin's page: sign-in, the review of a checked import, permissions, the result, and the invitations list.</summary>
public sealed class AdminPageTests : PageTest
{
    // Cells that would run script if the page rendered them as HTML.
    private static readonly byte[] HostileCsv = Encoding.UTF8.GetBytes(
        "Email,First name,Last name\n"
        + "ann@example.com,<img src=x onerror=\"window.__pwned=1\">,Lee\n"
        + "<script>window.__pwned=2</script>,Bob,Ray\n"
        + "<img src=x onerror=alert(3)>,Cy,Doe\n"
        + "dee@example.com,Dee,<b onmouseover=\"window.__pwned=4\">bold</b>\n");

    [Fact]
    public async Task AnAdminReviewsAHostileFileAsPlainTextInvitesItsValidUsersAndRevokesOneFromTheList()
    {
        var importId = await UploadAsync(HostileCsv, "hostile.csv");
        await Page.GotoAsync(PageAddress + "/");
        await StepAsync("1-sign-in");
        await SignInAsync();

        await Page.GotoAsync($"{PageAddress}/imports/{importId}");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review hostile.csv" }).WaitForAsync();
        await StepAsync("2-review");
        var valid = await Page.Locator("[data-total=valid] dd").InnerTextAsync();
        var invalid = await Page.Locator("[data-total=invalid] dd").InnerTextAsync();
        var values = await Page.Locator("td.value").AllInnerTextsAsync();
        var pwned = await Page.EvaluateAsync<bool>("() => window.__pwned !== undefined");
        var injected = await Page.Locator("main img, main script, main b").CountAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Next: choose permissions" }).ClickAsync();
        await Page.GetByLabel("projects.view").CheckAsync();
        await StepAsync("3-permissions");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Invite 2 users" }).ClickAsync();
        var invited = await Page.GetByTestId("invited").InnerTextAsync();
        await StepAsync("4-result");

        await Page.GetByRole(AriaRole.Link, new() { Name = "See the pending invitations of this import" }).ClickAsync();
        await Page.GetByRole(AriaRole.Cell, new() { Name = "dee@example.com", Exact = true }).WaitForAsync();
        await StepAsync("5-invitations");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke the invitation to dee@example.com" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).WaitForAsync();
        await StepAsync("6-confirm-revoke");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, go on" }).ClickAsync();
        await Page.GetByText("The invitation to dee@example.com was revoked.").WaitForAsync();
        var deeRow = await Page.Locator("tr", new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = "dee@example.com", Exact = true }) }).InnerTextAsync();
        await StepAsync("7-revoked");

        Assert.Equal(("2", "2"), (valid, invalid));
        Assert.Contains("<script>window.__pwned=2</script>", values);
        Assert.Contains("<img src=x onerror=alert(3)>", values);
        Assert.False(pwned, "A cell's markup ran.");
        Assert.Equal(0, injected);
        Assert.Equal("2 users invited to ACME", invited);
        Assert.Contains("Revoked", deeRow, StringComparison.Ordinal);
        var stored = await InvitationsAsync(importId);
        Assert.Equal(["ann@example.com", "dee@example.com"], stored.Select(i => i.Email).Order());
        Assert.Equal(InvitationStatus.Revoked, stored.Single(i => i.Email == "dee@example.com").Status);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task TheDiagnosticsTableSortsByAColumnFiltersByCodeAndKeepsWarningsApart()
    {
        var csv = "Email,First name,Last name\n" + string.Join("\n", Enumerable.Range(1, 30).Select(i => i % 3 == 0 ? $"bad{i}," : i % 3 == 1 ? $"u{i}@example.com,,Last" : $"=u{i}@example.com,First,Last"));
        var importId = await UploadAsync(Encoding.UTF8.GetBytes(csv), "many.csv");
        await SignInAsync();
        await Page.GotoAsync($"{PageAddress}/imports/{importId}");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review many.csv" }).WaitForAsync();

        var firstByRow = await FirstCellAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Row", Exact = true }).ClickAsync();
        var sorted = await Page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort");
        var firstDescending = await FirstCellAsync();
        await Page.GetByLabel("Show only").SelectOptionAsync(new SelectOptionValue { Label = "Missing first name" });
        var problems = await Page.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        await StepAsync("filtered");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Warnings (" }).ClickAsync();
        var warnings = await Page.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        await StepAsync("warnings");

        Assert.Equal("2", firstByRow);
        Assert.Equal("descending", sorted);
        Assert.Equal("31", firstDescending);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal("Missing first name", p));
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal("Looks like a formula", w));
    }

    [Fact]
    public async Task ARejectedFileShowsItsProblemWithTheFixAndLeadsBackToTheUpload()
    {
        var importId = await UploadAsync(Encoding.UTF8.GetBytes("Name,Mail\nAnn,ann@example.com\n"), "wrong-header.csv");
        await SignInAsync();

        await Page.GotoAsync($"{PageAddress}/imports/{importId}");
        var problem = await Page.GetByTestId("file-problem").InnerTextAsync();
        await StepAsync("rejected");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Try another file" }).ClickAsync();
        await Page.GetByTestId("dropzone").WaitForAsync();

        Assert.Contains("This file cannot be imported", problem, StringComparison.Ordinal);
        Assert.Contains("Email", problem, StringComparison.Ordinal);
        Assert.Equal(PageAddress + "/", Page.Url);
    }

    [Fact]
    public async Task AFileThatIsNotASpreadsheetIsRefusedWithTheReasonBeforeAnyUpload()
    {
        await SignInAsync();
        await StepAsync("1-upload");

        await Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47] });
        var picked = await Page.GetByTestId("refusal").InnerTextAsync();
        await StepAsync("2-refused");
        var dropped = await DropAsync("notes.txt", "some notes");

        Assert.Equal("photo.png cannot be imported: only .csv, .xlsx and .xls files can be imported.", picked);
        Assert.Equal("notes.txt cannot be imported: only .csv, .xlsx and .xls files can be imported.", dropped);
        Assert.Empty(await Api.ListImportsAsync(Organization, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task TheSampleFileDownloadsAsCsvAndAsXlsx()
    {
        await SignInAsync();

        var csv = await DownloadAsync("Download the sample (CSV)");
        var xlsx = await DownloadAsync("Download the sample (Excel .xlsx)");

        Assert.Equal("bulk-invite-sample.csv", csv.Name);
        Assert.StartsWith("Email,First name,Last name", Encoding.UTF8.GetString(csv.Bytes).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal("bulk-invite-sample.xlsx", xlsx.Name);
        Assert.Equal("PK"u8.ToArray(), xlsx.Bytes[..2]);
    }

    [Fact]
    public async Task SigningOutForgetsTheTokenAndAWrongTokenIsRefused()
    {
        await SignInAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.GetByLabel("Access token").WaitForAsync();
        var kept = await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('bulkinvite.token')");
        await Page.GetByLabel("Access token").FillAsync(AdminToken[..^4] + "AAAA");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var alert = await Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Sign in again" }).InnerTextAsync();
        await StepAsync("refused");

        Assert.Null(kept);
        Assert.Contains("Your sign-in has expired or was refused.", alert, StringComparison.Ordinal);
        Assert.Null(await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('bulkinvite.token')"));
    }

    private async Task<string> FirstCellAsync() => await Page.Locator("tbody tr").First.Locator("td").First.InnerTextAsync();

    /// <summary>Drops a file on the drop zone; returns the refusal shown.</summary>
    private async Task<string> DropAsync(string name, string content)
    {
        await DropFileAsync(name, Encoding.UTF8.GetBytes(content));
        await Page.GetByTestId("refusal").Filter(new() { HasText = name }).WaitForAsync();
        return await Page.GetByTestId("refusal").InnerTextAsync();
    }
}
