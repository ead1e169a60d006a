using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Tests.Importing;

public class ApplyRequestTests
{
    private static ApplyRequest Request(string message = "", TimeSpan? lifetime = null) =>
        new("0f8fad5b-d9cb-469f-a165-70867728950e", ["projects.view"], PersonalMessage: message, InvitationLifetime: lifetime);

    [Theory]
    [InlineData("")]
    [InlineData("Welcome, \"team\"!\r\nLine two\nLine three")]
    [InlineData("Emoji count as one character each: 🎉")]
    public void AcceptsAPlainTextMessageWithLineBreaks(string message)
    {
        // Act
        var error = Record.Exception(() => Request(message).Validate());

        // Assert
        Assert.Null(error);
    }

    [Fact]
    public void AcceptsAMessageOfExactlyAThousandCharactersOutsideTheBasicPlane()
    {
        // Arrange: 1,000 characters, 2,000 UTF-16 code units.
        var message = string.Concat(Enumerable.Repeat("🎉", 1000));

        // Act
        var error = Record.Exception(() => Request(message).Validate());

        // Assert
        Assert.Null(error);
    }

    [Fact]
    public void RefusesAMessageOverAThousandCharacters()
    {
        // Act
        var error = Assert.Throws<InvalidRequestException>(() => Request(new string('a', 1001)).Validate());

        // Assert
        var violation = Assert.Single(error.Violations);
        Assert.Equal("personal_message", violation.Field);
        Assert.Contains("1001 characters", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hello\tthere", "U+0009")]
    [InlineData("Hello\u001b[31mred", "U+001B")]
    [InlineData("Hello\0", "U+0000")]
    [InlineData("Hello\u0085", "U+0085")]
    public void RefusesControlCharactersOtherThanLineBreaks(string message, string named)
    {
        // Act
        var error = Assert.Throws<InvalidRequestException>(() => Request(message).Validate());

        // Assert
        var violation = Assert.Single(error.Violations);
        Assert.Equal("personal_message", violation.Field);
        Assert.Contains(named, violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(14.0)]
    [InlineData(30.0)]
    public void AcceptsALifetimeFromOneToThirtyDays(double days)
    {
        // Act
        var error = Record.Exception(() => Request(lifetime: TimeSpan.FromDays(days)).Validate());

        // Assert
        Assert.Null(error);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(30.01)]
    [InlineData(-1.0)]
    public void RefusesALifetimeOutsideOneToThirtyDays(double days)
    {
        // Act
        var error = Assert.Throws<InvalidRequestException>(() => Request(lifetime: TimeSpan.FromDays(days)).Validate());

        // Assert
        Assert.Equal("invitation_lifetime", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void NamesEveryWrongFieldAtOnce()
    {
        // Arrange
        var request = Request(new string('a', 1001), TimeSpan.FromDays(31)) with { RequestId = new string('r', 129) };

        // Act
        var error = Assert.Throws<InvalidRequestException>(request.Validate);

        // Assert
        Assert.Equal(["request_id", "personal_message", "invitation_lifetime"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void StoresAMessageOfOnlySpacesAndLineBreaksAsNone()
    {
        // Assert
        Assert.Equal("", Request(" \r\n ").StoredPersonalMessage);
        Assert.Equal(" Hi\n", Request(" Hi\n").StoredPersonalMessage);
    }
}
