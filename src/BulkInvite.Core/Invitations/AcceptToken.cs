using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace BulkInvite.Core.Invitations;

/// <summary>
/// The secret in an invitation's link: 256 random bits, base64url. Only its SHA-256 is kept with the
/// invitation; a token this random needs no slow hash, and a stolen database gives no usable token.
/// </summary>
public sealed class AcceptToken
{
    private AcceptToken(string value)
    {
        Value = value;
        Hash = HashOf(value);
    }

    /// <summary>What the link carries. Never logged and never stored beside the invitation.</summary>
    public string Value { get; }

    /// <summary>The lowercase hex SHA-256 of the value: what the invitation stores and looks tokens up by.</summary>
    public string Hash { get; }

    public static AcceptToken New() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public override string ToString() => "AcceptToken(" + Hash[..8] + "…)";
}
