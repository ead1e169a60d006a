using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace BulkInvite.Core.Importing;

/// <summary>
/// AIP-158 paging: a page size (0 = default, capped at the maximum, negative refused) and an
/// opaque token that encodes where the previous page ended and what it was a page of, so a token
/// of one import or organization is refused for another.
/// </summary>
public static class PageToken
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static int PageSize(int requested) => requested switch
    {
        < 0 => throw new InvalidRequestException("page_size", "page_size cannot be negative."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };

    /// <param name="scope">What the pages are of (an import id, an organization id).</param>
    /// <param name="position">Where the page ended; parts must not contain '|'.</param>
    public static string Encode(string scope, params string[] position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', position) + "|" + scope));

    /// <summary>The position a token encodes, or null for an empty token.</summary>
    public static string[]? Decode(string? token, string scope, int parts)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        // The scope goes last, so a '|' inside it does not split it.
        var fields = text.Split('|', parts + 1);
        return fields.Length == parts + 1 && fields[parts] == scope ? fields[..parts] : throw Invalid();
    }

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number from a decoded token; a token that does not hold one is INVALID_ARGUMENT.</summary>
    public static long ParseNumber(string part) =>
        long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid();

    private static InvalidRequestException Invalid() =>
        new("page_token", "page_token is not a token this call returned; start again with an empty page_token.");
}
