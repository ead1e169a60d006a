using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BulkInvite.Core.Invitations;

namespace BulkInvite.Core.Tests.Invitations;

public class AcceptTokenTests
{
    [Fact]
    public void IsTwoHundredFiftySixRandomBitsInBase64Url()
    {
        // Act
        var tokens = Enumerable.Range(0, 100).Select(_ => AcceptToken.New()).ToList();

        // Assert
        Assert.All(tokens, t => Assert.Equal(32, Base64Url.DecodeFromChars(t.Value).Length));
        Assert.Equal(100, tokens.Select(t => t.Value).Distinct().Count());
    }

    [Fact]
    public void KeepsTheSha256OfTheValueAsItsHashAndNeverShowsTheValue()
    {
        // Arrange
        var token = AcceptToken.New();

        // Act
        var hash = AcceptToken.HashOf(token.Value);

        // Assert
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Value))), hash);
        Assert.Equal(hash, token.Hash);
        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
    }
}
