using System.Globalization;
using System.Text;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BulkInvite.Web.Tests;

/// <summary>
/// What the admin says about a batch on the permissions step (a personal message, the invitations'
/// lifetime, the confirmation a privileged permission needs), as the server stores it and as the
/// invitee reads it on the accept page.
/// </summary>
public sealed class InvitationWordsTests : PageTest
{
    // Markup and a line break: the invitee must read the characters typed, on two lines.
    private const string Message = "Welcome to <b>ACME</b>, \"team\"!\nSee you Monday.";

    [Fact]
    public async Task AnAdminSendsAMessageAThreeDayLifetimeAndConfirmsMembersInviteInWordsAndTheInviteeReadsThemOnTheAcceptPage()
    {
        var importId = await UploadAsync(Encoding.UTF8.GetBytes("Email,First name,Last name\nann@example.com,Ann,Lee\nbob@example.com,Bob,Ray\n"), "team.csv");
        await SignInAsync();
        await Page.GotoAsync($"{PageAddress}/imports/{importId}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next: choose permissions" }).ClickAsync();
        var invite = Page.GetByRole(AriaRole.Button, new() { Name = "Invite 2 users" });

        await Page.GetByLabel("members.invite").CheckAsync();
        var confirmation = await Page.GetByTestId("privileged").InnerTextAsync();
        var enabledBeforeTicking = await invite.IsEnabledAsync();
        await Page.GetByLabel("I confirm: all 2 people this batch invites should have these powers.").CheckAsync();
        await Page.GetByLabel("Personal message (optional)").FillAsync(new string('x', 1001));
        var overCount = await Page.GetByTestId("message-count").InnerTextAsync();
        var overProblem = await Page.GetByTestId("message-problem").InnerTextAsync();
        var enabledOverLimit = await invite.IsEnabledAsync();
        await Page.GetByLabel("Personal message (optional)").FillAsync(Message);
        var count = await Page.GetByTestId("message-count").InnerTextAsync();
        await Page.GetByLabel("The invitations can be accepted for").SelectOptionAsync(new SelectOptionValue { Label = "3 days" });
        await StepAsync("1-permissions");
        await invite.ClickAsync();
        var invited = await Page.GetByTestId("invited").InnerTextAsync();

        var link = Assert.Single(await AcceptLinksAsync("ann@example.com"));
        await Page.GotoAsync(link);
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Your invitation" }).WaitForAsync();
        var details = await Page.GetByTestId("invitation-details").InnerTextAsync();
        var note = await Page.GetByTestId("personal-message").InnerTextAsync();
        var markup = await Page.Locator("[data-testid=invitation-details] b").CountAsync();
        var until = await Page.GetByTestId("until").InnerTextAsync();
        var timeZone = await Page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone");
        await StepAsync("2-accept");

        Assert.Contains("Every invited person will be able to invite others to ACME.", confirmation, StringComparison.Ordinal);
        Assert.False(enabledBeforeTicking, "Invite was enabled before the privileged permission was confirmed.");
        Assert.Equal("1,001 / 1,000", overCount);
        Assert.Equal("The message is 1 character too long: shorten it to send the invitations.", overProblem);
        Assert.False(enabledOverLimit, "Invite was enabled with a message over the limit.");
        Assert.Equal($"{Message.Length} / 1,000", count);
        Assert.Equal("2 users invited to ACME", invited);
        var stored = await InvitationsAsync(importId);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, i => Assert.Equal(Message, i.PersonalMessage));
        Assert.All(stored, i => Assert.Equal(["members.invite"], i.Permissions));
        Assert.All(stored, i => Assert.Equal(AdminName, i.InviterDisplayName));
        var ann = stored.Single(i => i.Email == "ann@example.com");
        Assert.Equal(TimeSpan.FromDays(3), ann.ExpireTime.ToDateTime() - ann.CreateTime.ToDateTime());
        Assert.Contains("Hello Ann,", details, StringComparison.Ordinal);
        Assert.Contains($"{AdminName} invites you (ann@example.com) to join {OrganizationName}.", details, StringComparison.Ordinal);
        Assert.Contains($"{AdminName} wrote:", details, StringComparison.Ordinal);
        Assert.Equal(Message, note);
        Assert.Equal(0, markup);
        var expiresThere = TimeZoneInfo.ConvertTimeFromUtc(ann.ExpireTime.ToDateTime(), TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        Assert.StartsWith("The invitation can be accepted until " + expiresThere.ToString("MMM d, yyyy", CultureInfo.InvariantCulture), until, StringComparison.Ordinal);
        Assert.Empty(ScriptErrors);
    }
}
