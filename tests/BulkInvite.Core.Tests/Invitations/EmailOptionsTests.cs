using BulkInvite.Core.Invitations;

namespace BulkInvite.Core.Tests.Invitations;

public class EmailOptionsTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void DoublesTheWaitAfterEachFailureUpToTheMaximum(int failedAttempts, int seconds)
    {
        // Arrange
        var options = new EmailOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromHours(1) };

        // Act
        var delay = options.RetryDelay(failedAttempts);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void RefusesSmtpModeWithoutAHost()
    {
        // Arrange
        var options = new EmailOptions { Mode = EmailMode.Smtp };

        // Act
        var problem = options.Problem();

        // Assert
        Assert.Contains("Email:Smtp:Host", problem, StringComparison.Ordinal);
        Assert.Null(new EmailOptions().Problem());
    }
}
