using System.Text;
using BulkInvite.V1;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BulkInvite.Web.Tests;

/// <summary>The review as the server now tells it: how the file's columns were read, its counts, and rows fixed or removed in place.</summary>
public sealed class ReviewFixTests : PageTest
{
    [Fact]
    public async Task TheReviewOfAFrenchFileWithADepartmentColumnSaysWhichColumnFillsWhichFieldAndWhichIsNotImported()
    {
        var importId = await UploadAsync(Encoding.UTF8.GetBytes("Courriel,Prénom,Nom,Department\nann@example.com,Ann,Lee,HR\nbob@example.com,Bob,Ray,IT\n"), "équipe.csv");
        await SignInAsync();

        await Page.GotoAsync($"{PageAddress}/imports/{importId}");
        await Page.GetByTestId("column-mapping").WaitForAsync();
        var mapping = await Page.GetByTestId("column-mapping").Locator("li").AllInnerTextsAsync();
        var totals = (await TotalAsync("total"), await TotalAsync("valid"), await TotalAsync("invalid"));
        await StepAsync("mapping");

        Assert.Equal(["File column 'Courriel' → Email", "File column 'Prénom' → First name", "File column 'Nom' → Last name", "'Department' not imported"], mapping);
        Assert.Equal(("2", "2", "0"), totals);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task AnAdminFixesABadAddressInThePageRemovesAnotherRowAndApplyInvitesTheFixedAddress()
    {
        await InviteAsync("cyd@example.com");
        var csv = "Email,First name,Last name\nann@example.com,Ann,Lee\nbob-at-example.com,Bob,Ray\ncyd@example.com,Cyd,Doe\ndee@example.com,,Poe\n";
        var importId = await UploadAsync(Encoding.UTF8.GetBytes(csv), "team.csv");
        await SignInAsync();
        await Page.GotoAsync($"{PageAddress}/imports/{importId}");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review team.csv" }).WaitForAsync();
        var before = await TotalsAsync();
        var skippedWhy = await Page.Locator("[data-total=skipped] dd.detail").InnerTextAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Fix row 3" }).ClickAsync();
        var editor = Page.GetByTestId("row-editor");
        var shownEmail = await editor.GetByLabel("Email").InputValueAsync();
        var wrong = await editor.GetByTestId("row-diagnostics").InnerTextAsync();
        await StepAsync("1-fix-row");
        await editor.GetByLabel("Email").FillAsync("bob@example.com");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save and check again" }).ClickAsync();
        var fixedNotice = await Page.GetByTestId("review-notice").InnerTextAsync();
        var afterFix = await TotalsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Fix row 5" }).First.ClickAsync();
        await editor.GetByLabel("Last name").FillAsync("");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save and check again" }).ClickAsync();
        var stillWrong = await editor.GetByTestId("row-problem").InnerTextAsync();
        var stillWrongDiagnostics = await editor.GetByTestId("row-diagnostics").InnerTextAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Remove this row" }).ClickAsync();
        var question = await editor.Locator("#confirm-remove-text").InnerTextAsync();
        await StepAsync("2-confirm-remove");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Yes, remove it" }).ClickAsync();
        await Page.GetByTestId("review-notice").Filter(new() { HasText = "removed" }).WaitForAsync();
        var afterRemove = await TotalsAsync();
        await StepAsync("3-fixed");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next: choose permissions" }).ClickAsync();
        await Page.GetByLabel("projects.view").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Invite 2 users" }).ClickAsync();
        var invited = await Page.GetByTestId("invited").InnerTextAsync();

        Assert.Equal(("4", "2", "2", "1", "1"), before);
        Assert.Equal("1 already invited, 0 already members", skippedWhy);
        Assert.Equal("bob-at-example.com", shownEmail);
        Assert.Contains("Email", wrong, StringComparison.Ordinal);
        Assert.Equal("Row 3 is fixed: it has no error now.", fixedNotice);
        Assert.Equal(("4", "3", "1", "1", "1"), afterFix);
        Assert.Equal("Row 5 was saved, but it still has a problem:", stillWrong);
        Assert.Contains("Last name", stillWrongDiagnostics, StringComparison.Ordinal);
        Assert.Equal("Remove row 5 from this import? It will not be invited; the file is not changed.", question);
        Assert.Equal(("3", "3", "0", "1", "1"), afterRemove);
        Assert.Equal("2 users invited to ACME (1 skipped: already invited)", invited);
        var stored = await InvitationsAsync(importId);
        Assert.Equal(["ann@example.com", "bob@example.com"], stored.Select(i => i.Email).Order());
        Assert.All(stored, i => Assert.Equal(InvitationStatus.Pending, i.Status));
        Assert.Empty(ScriptErrors);
    }

    private async Task<(string, string, string, string, string)> TotalsAsync() =>
        (await TotalAsync("total"), await TotalAsync("valid"), await TotalAsync("invalid"), await TotalAsync("warnings"), await TotalAsync("skipped"));
}
