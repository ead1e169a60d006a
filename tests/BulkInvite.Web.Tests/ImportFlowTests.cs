using BulkInvite.V1;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BulkInvite.Web.Tests;

/// <summary>
/// The admin's whole import in the browser, from a real file dropped on the drop zone: the resumable
/// upload, the check, the review, the permissions, the result, and the invitations list.
/// </summary>
public sealed class ImportFlowTests : PageTest
{
    [Fact]
    public async Task AnAdminDropsALibreOfficeSpreadsheetInvitesItsValidUsersAndFindsThemPendingInTheList()
    {
        await SignInAsync();
        var signedInAs = await Page.GetByTestId("signed-in-as").InnerTextAsync();
        await StepAsync("1-upload");

        await DropFileAsync("team_libreoffice.xlsx", Fixture("team_libreoffice.xlsx"));
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review team_libreoffice.xlsx" }).WaitForAsync();
        var reviewAddress = Page.Url;
        var totals = (await TotalAsync("total"), await TotalAsync("valid"), await TotalAsync("invalid"), await TotalAsync("skipped"));
        var errorRow = await Page.Locator("tbody tr").AllInnerTextsAsync();
        await StepAsync("2-review");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next: choose permissions" }).ClickAsync();
        await Page.GetByLabel("projects.view").CheckAsync();
        var disabled = await Page.Locator("fieldset.permissions input:disabled").CountAsync();
        await StepAsync("3-permissions");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Invite 4 users" }).ClickAsync();
        var invited = await Page.GetByTestId("invited").InnerTextAsync();
        await StepAsync("4-result");
        await Page.GetByRole(AriaRole.Link, new() { Name = "See the pending invitations of this import" }).ClickAsync();
        await Page.GetByRole(AriaRole.Cell, new() { Name = "marie.curie@example.fr", Exact = true }).WaitForAsync();
        var listAddress = Page.Url;
        var rows = await Page.Locator("tbody tr").AllInnerTextsAsync();
        await StepAsync("5-invitations");
        await Page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Accepted" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Page.GetByText("No invitation matches.").WaitForAsync();

        var import = Assert.Single(await Api.ListImportsAsync(Organization, Ct).ToListAsync(Ct));
        Assert.Equal($"Signed in as {AdminName} for {OrganizationName}", signedInAs);
        Assert.Equal($"{PageAddress}/imports/{import.ImportId}", reviewAddress);
        Assert.Equal(("5", "4", "1", "0"), totals);
        Assert.Contains(errorRow, r => r.Contains("not-an-email", StringComparison.Ordinal) && r.Contains("Invalid email", StringComparison.Ordinal));
        Assert.Equal(0, disabled);
        Assert.Equal("4 users invited to ACME", invited);
        Assert.Equal($"{PageAddress}/invitations?import={import.ImportId}&status=pending", listAddress);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"\tPending\t(Queued|Sent)", r));
        var stored = await InvitationsAsync(import.ImportId);
        Assert.Equal(["akira.tanaka@example.jp", "bjorn.olsen@example.no", "ines.garcia@example.es", "marie.curie@example.fr"], stored.Select(i => i.Email).Order());
        Assert.All(stored, i => Assert.Equal(["projects.view"], i.Permissions));
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task AnInviterDropsAnExcelSemicolonCsvCanGrantOnlyWhatTheyHoldAndTheAlreadyInvitedAreSkipped()
    {
        await InviteAsync("marie.curie@example.fr");
        await SignInAsync(TokenFor("ivy", "Ivy Inviter", "members.invite", "projects.view"));

        await DropFileAsync("team_excel_fr_semicolon.csv", Fixture("team_excel_fr_semicolon.csv"));
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review team_excel_fr_semicolon.csv" }).WaitForAsync();
        var totals = (await TotalAsync("total"), await TotalAsync("valid"), await TotalAsync("invalid"), await TotalAsync("skipped"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Warnings (" }).ClickAsync();
        var warnings = await Page.Locator("tbody tr").AllInnerTextsAsync();
        await StepAsync("1-review-warnings");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next: choose permissions" }).ClickAsync();
        var deploy = Page.GetByLabel("models.deploy");
        var deployEnabled = await deploy.IsEnabledAsync();
        var why = await Page.Locator("#permission-models\\.deploy-description").InnerTextAsync();
        await Page.GetByLabel("projects.view").CheckAsync();
        await StepAsync("2-permissions");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Invite 3 users" }).ClickAsync();
        var invited = await Page.GetByTestId("invited").InnerTextAsync();
        await StepAsync("3-result");

        Assert.Equal(("5", "4", "1", "1"), totals);
        Assert.Contains(warnings, w => w.Contains("marie.curie@example.fr", StringComparison.Ordinal) && w.Contains("Already invited", StringComparison.Ordinal));
        Assert.False(deployEnabled);
        Assert.Contains("You do not hold models.deploy in acme", why, StringComparison.Ordinal);
        Assert.Equal("3 users invited to ACME (1 skipped: already invited)", invited);
        var pending = (await InvitationsAsync()).Where(i => i.Status == InvitationStatus.Pending).Select(i => i.Email).Order();
        Assert.Equal(["akira.tanaka@example.jp", "bjorn.olsen@example.no", "ines.garcia@example.es", "marie.curie@example.fr"], pending);
        Assert.Empty(ScriptErrors);
    }
}
