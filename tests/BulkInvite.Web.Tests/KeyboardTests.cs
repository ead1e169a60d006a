using BulkInvite.V1;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BulkInvite.Web.Tests;

/// <summary>The admin's flow with the keyboard alone (Tab, Enter, Space), the file chosen with the picker, the focus visible at every stop.</summary>
public sealed class KeyboardTests : PageTest
{
    [Fact]
    public async Task SignInUploadReviewInviteAndRevokeWorkWithTheKeyboardAloneWithTheFocusAlwaysVisible()
    {
        await Page.GotoAsync(PageAddress + "/");

        await TabToAsync("Access token");
        await Page.Keyboard.TypeAsync(AdminToken);
        await TabToAsync("Sign in");
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByTestId("signed-in-as").WaitForAsync();

        // The file picker, opened from the keyboard.
        await TabToAsync("File of users");
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "team_utf8.csv"));
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review team_utf8.csv" }).WaitForAsync();
        var importId = Page.Url.Split('/').Last();
        await TabToAsync("Next: choose permissions");
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync("projects.view");
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync("Invite 4 users");
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByTestId("invited").WaitForAsync();
        await TabToAsync("See the pending invitations of this import");
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke the invitation to" }).First.WaitForAsync();
        var revoked = await TabToAsync("Revoke the invitation to");
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Dialog).WaitForAsync();
        await TabToAsync("Yes, go on");
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByText("was revoked.").WaitForAsync();

        var invitations = await InvitationsAsync(importId);
        Assert.Equal(4, invitations.Count);
        Assert.Equal(InvitationStatus.Revoked, invitations.Single(i => revoked.EndsWith(i.Email, StringComparison.Ordinal)).Status);
        Assert.Empty(ScriptErrors);
    }

    /// <summary>
    /// Presses Tab until the focused element's accessible name starts with <paramref name="name"/>,
    /// checking at every stop that the focus is drawn (an outline); returns the name.
    /// </summary>
    private async Task<string> TabToAsync(string name)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focused = await Page.EvaluateAsync<string[]>(
                """
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return ["", "none"];
                  const label = e.getAttribute("aria-label") || (e.labels && e.labels[0] && e.labels[0].innerText) || e.innerText || e.value || "";
                  return [label.trim(), getComputedStyle(e).outlineStyle];
                }
                """);
            if (focused[0].Length > 0)
            {
                Assert.True(focused[1] != "none", $"The focus on \"{focused[0]}\" is not visible.");
            }

            if (focused[0].StartsWith(name, StringComparison.Ordinal))
            {
                return focused[0];
            }
        }

        throw new InvalidOperationException($"Tab never reached \"{name}\".");
    }
}
