using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Core.Tests.Invitations;

/// <summary>The one decision AcceptInvitation and LookupInvitation share: can this token be used now?</summary>
public class InvitationTokenRulesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static InvitationRecord Invitation(InvitationStatus status, DateTimeOffset expireTime) => new()
    {
        InvitationId = 42,
        OrganizationId = "acme",
        ImportId = "0123456789abcdef0123456789abcdef",
        Email = "ann@example.com",
        NormalizedEmail = "ann@example.com",
        FirstName = "Ann",
        LastName = "Lee",
        Status = status,
        CreateTime = Now.AddDays(-1),
        ExpireTime = expireTime,
        UpdateTime = Now.AddDays(-1),
    };

    [Fact]
    public void APendingInvitationBeforeItsExpiryCanBeUsed()
    {
        // Act
        var refusal = InvitationTokenRules.Refusal(Invitation(InvitationStatus.Pending, Now.AddDays(6)), tokenReplaced: false, Now);

        // Assert
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData(InvitationStatus.Accepted, false, 6, ErrorReason.InvitationAlreadyAccepted)]
    [InlineData(InvitationStatus.Revoked, true, -1, ErrorReason.InvitationRevoked)]
    [InlineData(InvitationStatus.Pending, true, -1, ErrorReason.InvitationTokenReplaced)]
    [InlineData(InvitationStatus.Pending, false, 0, ErrorReason.InvitationExpired)]
    [InlineData(InvitationStatus.Expired, false, 6, ErrorReason.InvitationExpired)]
    public void RefusesWithTheFirstReasonThatApplies(InvitationStatus status, bool tokenReplaced, int daysToExpiry, ErrorReason reason)
    {
        // Act
        var refusal = InvitationTokenRules.Refusal(Invitation(status, Now.AddDays(daysToExpiry)), tokenReplaced, Now);

        // Assert
        var refused = Assert.IsType<InvitationStateException>(refusal);
        Assert.Equal((42L, reason), (refused.InvitationId, refused.Reason));
    }

    [Fact]
    public void ATokenNoInvitationHasIsNotFoundWithoutEchoingIt()
    {
        // Act
        var refusal = InvitationTokenRules.Refusal(null, tokenReplaced: false, Now);

        // Assert
        Assert.Equal("", Assert.IsType<InvitationNotFoundException>(refusal).InvitationId);
    }

    [Fact]
    public void AnEmptyTokenIsInvalidATooLongOneIsNotFoundAndSpacesAroundOneAreIgnored()
    {
        // Arrange
        var token = AcceptToken.New();

        // Act
        var empty = Assert.Throws<InvalidRequestException>(() => InvitationTokenRules.HashOfRequested(" "));
        var tooLong = Assert.Throws<InvitationNotFoundException>(() => InvitationTokenRules.HashOfRequested(new string('a', 257)));
        var hash = InvitationTokenRules.HashOfRequested(" " + token.Value + "\n");

        // Assert
        Assert.Equal("token", Assert.Single(empty.Violations).Field);
        Assert.Equal("", tooLong.InvitationId);
        Assert.Equal(token.Hash, hash);
    }
}
