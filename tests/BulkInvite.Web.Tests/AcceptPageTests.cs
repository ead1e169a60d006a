using BulkInvite.V1;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BulkInvite.Web.Tests;

/// <summary>The invitee's page, opened from the link in a real email the server wrote to its pickup folder.</summary>
public sealed class AcceptPageTests : PageTest
{
    [Fact]
    public async Task AnInviteeSeesWhoInvitesThemWithWhatUntilWhenAcceptsFromTheEmailsLinkAndTheSameLinkThenSaysItWasAlreadyAccepted()
    {
        await InviteAsync("ann@example.com");
        var link = Assert.Single(await AcceptLinksAsync("ann@example.com"));

        var response = await Page.GotoAsync(link);
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Your invitation" }).WaitForAsync();
        var addressBar = Page.Url;
        var preview = await Page.GetByTestId("invitation-details").InnerTextAsync();
        await StepAsync("1-invitation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "You are in" }).WaitForAsync();
        var confirmation = await Page.GetByTestId("accepted").InnerTextAsync();
        await StepAsync("2-accepted");
        var again = await ProblemShownForAsync(link);
        await StepAsync("3-already-accepted");

        Assert.StartsWith(PageAddress + "/invitations/accept?token=", link, StringComparison.Ordinal);
        Assert.NotNull(response);
        Assert.Contains("frame-ancestors 'none'", await response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        Assert.Equal("no-referrer", await response.HeaderValueAsync("referrer-policy"));
        Assert.Equal(PageAddress + "/invitations/accept", addressBar);
        // The inviter's name for people (the admin token's name claim) is stored with the batch at apply.
        Assert.Contains($"{AdminName} invites you (ann@example.com) to join {OrganizationName}.", preview, StringComparison.Ordinal);
        Assert.Contains("projects.view — See the organization's projects and their data.", preview, StringComparison.Ordinal);
        Assert.Matches(@"The invitation can be accepted until \w{3} \d{1,2}, \d{4}", preview);
        Assert.Contains("You are now a member of ACME.", confirmation, StringComparison.Ordinal);
        Assert.Contains("You joined as ann@example.com.", confirmation, StringComparison.Ordinal);
        Assert.Contains("projects.view", confirmation, StringComparison.Ordinal);
        Assert.Contains("This invitation was already accepted", again, StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Accepted, Assert.Single(await InvitationsAsync()).Status);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task ARevokedInvitationsLinkSaysItWasWithdrawn()
    {
        await InviteAsync("bob@example.com");
        var link = Assert.Single(await AcceptLinksAsync("bob@example.com"));
        var invitation = Assert.Single(await InvitationsAsync());
        await Api.RevokeInvitationAsync(invitation.InvitationId, Ct);

        var text = await ProblemShownForAsync(link);
        await StepAsync("revoked");

        Assert.Contains("This invitation was withdrawn", text, StringComparison.Ordinal);
        Assert.Contains("Ask the person who invited you to send a new invitation.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvitationsFirstLinkAfterAResendSaysToUseTheNewestEmail()
    {
        await InviteAsync("cyd@example.com");
        var first = Assert.Single(await AcceptLinksAsync("cyd@example.com"));
        var invitation = Assert.Single(await InvitationsAsync());
        await Api.ResendInvitationAsync(invitation.InvitationId, Ct);

        var text = await ProblemShownForAsync(first);
        await StepAsync("replaced");

        Assert.Contains("This link was replaced by a newer one", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkTheServerNeverIssuedSaysItIsNotAValidInvitationWithoutAnyStatusCode()
    {
        var text = await ProblemShownForAsync(PageAddress + "/invitations/accept?token=AAAAnever-issuedAAAA");
        await StepAsync("never-issued");

        Assert.Contains("This link is not a valid invitation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT_FOUND", text, StringComparison.Ordinal);
        Assert.DoesNotContain("404", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkWithoutATokenSaysToOpenTheEmailsLinkAsItIs()
    {
        await Page.GotoAsync(PageAddress + "/invitations/accept");
        var text = await Page.GetByTestId("accept-problem").InnerTextAsync();

        Assert.Contains("This link has no invitation in it.", text, StringComparison.Ordinal);
    }

    /// <summary>Opens the link and returns the problem the page shows at once (LookupInvitation refuses it before any Accept).</summary>
    private async Task<string> ProblemShownForAsync(string link)
    {
        await Page.GotoAsync(link);
        return await Page.GetByTestId("accept-problem").InnerTextAsync();
    }
}

/// <summary>The invitee's page for a link whose invitation expired (invitations last one second on this server).</summary>
public sealed class ExpiredAcceptPageTests : PageTest
{
    protected override IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string> { ["BulkInvite__InvitationLifetime"] = "00:00:01" };

    [Fact]
    public async Task AnExpiredInvitationsLinkSaysItExpiredAndWhatToDo()
    {
        await InviteAsync("dee@example.com");
        var link = Assert.Single(await AcceptLinksAsync("dee@example.com"));
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);

        await Page.GotoAsync(link);
        var text = await Page.GetByTestId("accept-problem").InnerTextAsync();
        await StepAsync("expired");

        Assert.Contains("This invitation has expired", text, StringComparison.Ordinal);
        Assert.Contains("Ask the person who invited you to send a new invitation.", text, StringComparison.Ordinal);
    }
}
