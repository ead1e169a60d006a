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
}
