using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Core.Tests.Invitations;

public class InvitationMailComposerTests
{
    private static readonly OutboxMessage Message = new()
    {
        Sequence = 7,
        InvitationId = 42,
        Attempts = 1,
        OrganizationId = "acme",
        Email = "ann@example.com",
        FirstName = "Ann",
        LastName = "Lee",
        Permissions = ["models.train", "projects.view"],
        Inviter = "ines",
        ExpireTime = DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static InvitationMailComposer Composer(string baseUrl = "https://app.example.com/join") =>
        new(new EmailOptions { AcceptBaseUrl = new Uri(baseUrl) }, new PermissionCatalog(new BulkInviteOptions()));

    [Fact]
    public void WritesTheInviterOrganizationPermissionsExpiryAndLinkInBothBodies()
    {
        // Act
        var mail = Composer().Compose(Message, "tok_en-1");

        // Assert
        Assert.Equal(("ann@example.com", "Ann Lee", "ines invited you to join acme"), (mail.To, mail.ToName, mail.Subject));
        foreach (var body in new[] { mail.Text, mail.Html })
        {
            Assert.Contains("ines", body, StringComparison.Ordinal);
            Assert.Contains("acme", body, StringComparison.Ordinal);
            Assert.Contains("models.train", body, StringComparison.Ordinal);
            Assert.Contains("Train models on the organization's data.".Replace("'", body == mail.Html ? "&#39;" : "'", StringComparison.Ordinal), body, StringComparison.Ordinal);
            Assert.Contains("Friday 4 December 2026, 10:00 UTC", body, StringComparison.Ordinal);
            Assert.Contains("https://app.example.com/join?token=tok_en-1", body, StringComparison.Ordinal);
        }

        Assert.Equal("invitation-42.7@bulkinvite", mail.MessageId);
    }

    [Fact]
    public void EncodesEveryValueInTheHtmlBody()
    {
        // Arrange
        var hostile = Message with { FirstName = "<script>alert(1)</script>", Inviter = "\"><img src=x>" };

        // Act
        var mail = Composer().Compose(hostile, "tok_en-1");

        // Assert
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<script>", mail.Text, StringComparison.Ordinal); // plain text is shown as text, never run
    }

    [Fact]
    public void AddsTheTokenToABaseUrlThatHasAQueryAlready()
    {
        // Act
        var link = Composer("https://app.example.com/join?lang=en").AcceptLink("a+b");

        // Assert
        Assert.Equal("https://app.example.com/join?lang=en&token=a%2Bb", link);
    }

    [Fact]
    public void NamesTheInviterAndTheOrganizationByTheNamesStoredAtApply()
    {
        // Arrange
        var named = Message with { InviterDisplayName = "Inès Moreau", OrganizationDisplayName = "ACME Corp" };

        // Act
        var mail = Composer().Compose(named, "tok_en-1");

        // Assert
        Assert.Equal("Inès Moreau invited you to join ACME Corp", mail.Subject);
        Assert.Contains("Inès Moreau invited you to join ACME Corp with these permissions:", mail.Text, StringComparison.Ordinal);
        Assert.Contains("In&#232;s Moreau invited you to join <strong>ACME Corp</strong>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsEachPermissionByWhatItLetsTheInviteeDo()
    {
        // Act
        var mail = Composer().Compose(Message, "tok_en-1");

        // Assert
        Assert.Contains("  - See the organization's projects and their data. (projects.view)\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<li>See the organization&#39;s projects and their data. (<code>projects.view</code>)</li>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotesThePersonalMessageLineByLineAsTextAndEncodedInHtml()
    {
        // Arrange
        var noted = Message with { PersonalMessage = "Welcome, \"team\"!\r\nSee you <script>alert(1)</script> Monday.\nBring coffee" };

        // Act
        var mail = Composer().Compose(noted, "tok_en-1");

        // Assert
        Assert.Contains("ines wrote:\n\n  > Welcome, \"team\"!\n  > See you <script>alert(1)</script> Monday.\n  > Bring coffee\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Welcome, &quot;team&quot;!<br>\nSee you &lt;script&gt;alert(1)&lt;/script&gt; Monday.<br>\nBring coffee</blockquote>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesNoQuotedBlockWithoutAPersonalMessage()
    {
        // Act
        var mail = Composer().Compose(Message, "tok_en-1");

        // Assert
        Assert.DoesNotContain("wrote:", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<blockquote", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsALineBreakInANameFromStartingALineOfItsOwn()
    {
        // Arrange
        var forged = Message with { InviterDisplayName = "Ines\r\nBcc: everyone@example.com" };

        // Act
        var mail = Composer().Compose(forged, "tok_en-1");

        // Assert
        Assert.Equal("Ines  Bcc: everyone@example.com invited you to join acme", mail.Subject);
        Assert.DoesNotContain("\nBcc:", mail.Text, StringComparison.Ordinal);
    }
}
