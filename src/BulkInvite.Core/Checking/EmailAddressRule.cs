using System.Buffers;
using System.Globalization;
using System.Text;

namespace BulkInvite.Core.Checking;

/// <summary>
/// Decides whether a cell holds exactly one plain address (rule 7 of docs/import-rules.md): a
/// dot-atom local part and a host name, nothing else. <see cref="System.Net.Mail.MailAddress"/> is
/// deliberately not used: it accepts display names, quoted local parts and IP literals.
/// </summary>
public static class EmailAddressRule
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;

    /// <summary>Beyond this length an address is VALUE_TOO_LONG without further checks (IDNA can shorten a domain, but not fourfold).</summary>
    private const int MaxScannedLength = 4 * MaxLength;

    // RFC 5322 atext, besides ASCII letters and digits.
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    // Every character of the usual address (ASCII atext, dot, @): one vectorized scan tells that none
    // of the shape rules but the @ ones can apply.
    private static readonly SearchValues<char> PlainAddressCharacters =
        SearchValues.Create("!#$%&'*+-./0123456789=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static readonly SearchValues<char> PlainHostCharacters =
        SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> UppercaseAscii = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>How many distinct domains each thread remembers the verdict of before it starts over.</summary>
    private const int DomainCacheSize = 4096;

    // A file names few domains for many rows: each distinct one goes through IDNA and the label rules
    // once per thread. Looked up by span, so the domain of a row is never copied into a string of its own.
    [ThreadStatic]
    private static Dictionary<string, DomainVerdict>? t_domains;

    /// <summary>A domain's verdict: its ASCII (punycode, lowercase) form, or what is wrong with it.</summary>
    private sealed record DomainVerdict(string? Ascii, string Problem);

    /// <summary>Checks a trimmed, non-empty cell.</summary>
    public static EmailCheck Check(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);

        // Far past any valid length, the length is what to fix; the other checks would only scan a huge value.
        if (address.Length > MaxScannedLength)
        {
            return TooLong(TotalLengthProblem(address.Length));
        }

        if (FindShapeProblem(address) is { } shape)
        {
            return Invalid(shape);
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = address.AsSpan(0, at);
        var domain = address.AsSpan(at + 1);

        if (FindLocalPartProblem(local, out var nonAscii) is { } localProblem)
        {
            return Invalid(localProblem);
        }

        var verdict = DomainVerdictOf(domain);
        if (verdict.Ascii is not { } asciiDomain)
        {
            // IdnMapping also refuses a domain too long for DNS: past the limit, the length is what to fix.
            return address.Length > MaxLength ? TooLong(TotalLengthProblem(address.Length)) : Invalid(verdict.Problem);
        }

        if (local.Length > MaxLocalPartLength)
        {
            return TooLong($"The part before the @ has {local.Length} characters; at most {MaxLocalPartLength} are allowed.");
        }

        var normalizedLength = local.Length + 1 + asciiDomain.Length;
        if (normalizedLength > MaxLength)
        {
            return TooLong(TotalLengthProblem(normalizedLength));
        }

        return new EmailCheck(null, null, Normalized(address, at, asciiDomain), nonAscii);
    }

    /// <summary>The local part lowercased, @, the ASCII domain: the address itself when it is already so (most are).</summary>
    private static string Normalized(string address, int at, string asciiDomain)
    {
        var local = address.AsSpan(0, at);
        if (!NeedsLowering(local) && address.AsSpan(at + 1).SequenceEqual(asciiDomain))
        {
            return address;
        }

        return string.Create(at + 1 + asciiDomain.Length, (address, at, asciiDomain), static (span, state) =>
        {
            state.address.AsSpan(0, state.at).ToLowerInvariant(span);
            span[state.at] = '@';
            state.asciiDomain.AsSpan().CopyTo(span[(state.at + 1)..]);
        });

        static bool NeedsLowering(ReadOnlySpan<char> local) => !Ascii.IsValid(local) || local.ContainsAny(UppercaseAscii);
    }

    /// <summary>The duplicate key of an address that <see cref="Check"/> accepts.</summary>
    public static string Normalize(string address) =>
        Check(address).Normalized ?? throw new ArgumentException("Not a valid address.", nameof(address));

    private static EmailCheck Invalid(string problem) => new(DiagnosticCode.EmailInvalid, problem, null, false);

    private static EmailCheck TooLong(string problem) => new(DiagnosticCode.ValueTooLong, problem, null, false);

    private static string TotalLengthProblem(int length) =>
        $"The address has {length} characters; at most {MaxLength} are allowed.";

    /// <summary>Things that are not one bare address at all: URLs, display names, lists, spaces, no or several @.</summary>
    private static string? FindShapeProblem(string address)
    {
        if (!address.AsSpan().ContainsAnyExcept(PlainAddressCharacters))
        {
            return FindAtProblem(address, address.AsSpan().Count('@'));
        }

        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return "Remove the \"mailto:\" prefix: write the address only.";
        }

        if (address.Contains('<', StringComparison.Ordinal) || address.Contains('>', StringComparison.Ordinal))
        {
            return "Write the address only, without a name or angle brackets (\"Ann <ann@example.com>\" becomes \"ann@example.com\").";
        }

        var atCount = address.AsSpan().Count('@');
        if (atCount > 1 || address.Contains(',', StringComparison.Ordinal) || address.Contains(';', StringComparison.Ordinal))
        {
            return atCount > 1
                ? "The cell holds more than one @: put exactly one address in each row."
                : "Remove the comma or semicolon: an address cannot contain one.";
        }

        foreach (var c in address)
        {
            if (char.IsWhiteSpace(c))
            {
                return "Remove the spaces inside the address.";
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return $"Remove the invisible character U+{(int)c:X4} from the address.";
            }
        }

        if (atCount == 0 && address.Contains('\uFF20', StringComparison.Ordinal))
        {
            return "The address uses a full-width ＠; type a plain @ instead.";
        }

        return FindAtProblem(address, atCount);
    }

    private static string? FindAtProblem(string address, int atCount)
    {
        if (atCount > 1)
        {
            return "The cell holds more than one @: put exactly one address in each row.";
        }

        if (atCount == 0)
        {
            return "The address has no @.";
        }

        if (address[0] == '@')
        {
            return "The address has nothing before the @.";
        }

        if (address[^1] == '@')
        {
            return "The address has nothing after the @.";
        }

        return null;
    }

    private static string? FindLocalPartProblem(ReadOnlySpan<char> local, out bool nonAscii)
    {
        nonAscii = false;
        if (local[0] == '"')
        {
            return "Quoted addresses (\"john smith\"@example.com) are not accepted.";
        }

        if (local[0] == '.' || local[^1] == '.')
        {
            return "The part before the @ cannot start or end with a dot.";
        }

        if (local.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return "The part before the @ cannot contain two dots in a row.";
        }

        foreach (var rune in local.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                var c = (char)rune.Value;
                if (char.IsAsciiLetterOrDigit(c) || c == '.' || AtextSymbols.Contains(c, StringComparison.Ordinal))
                {
                    continue;
                }

                return $"The part before the @ cannot contain the character '{c}'.";
            }

            if (IsInternationalAtext(rune))
            {
                nonAscii = true;
                continue;
            }

            return $"The part before the @ cannot contain the character U+{rune.Value:X4}.";
        }

        return null;
    }

    /// <summary>Letters, marks and digits of any script (RFC 6531 allows them; the rule keeps out symbols and punctuation).</summary>
    private static bool IsInternationalAtext(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber => true,
        _ => false,
    };

    private static bool IsPlainAsciiHost(string domain) =>
        !domain.Contains("--", StringComparison.Ordinal) && !domain.AsSpan().ContainsAnyExcept(PlainHostCharacters);

    private static DomainVerdict DomainVerdictOf(ReadOnlySpan<char> domain)
    {
        var cache = t_domains ??= new Dictionary<string, DomainVerdict>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(domain, out var known))
        {
            return known;
        }

        if (cache.Count >= DomainCacheSize)
        {
            cache.Clear();
        }

        var name = domain.ToString();
        var verdict = TryToAsciiDomain(name, out var ascii, out var problem) ? new DomainVerdict(ascii, "") : new DomainVerdict(null, problem);
        cache[name] = verdict;
        return verdict;
    }

    private static bool TryToAsciiDomain(string domain, out string ascii, out string problem)
    {
        ascii = "";
        problem = "";
        if (domain[0] == '[')
        {
            problem = "IP addresses are not accepted after the @: use a domain name, such as example.com.";
            return false;
        }

        string converted;
        try
        {
            // A plain ASCII host name (most of them) needs no IDNA mapping, only the label rules
            // below; IdnMapping, a call into ICU, is kept for the rest, and for any "--" (punycode
            // labels, and the hyphen positions IDNA rules on).
            converted = IsPlainAsciiHost(domain) ? domain : Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            // IdnMapping does not say what is wrong; an ASCII label usually shows it.
            var reason = domain.Split('.').Where(label => Ascii.IsValid(label)).Select(FindLabelProblem).FirstOrDefault(p => p is not null);
            problem = reason is null
                ? $"\"{domain}\" is not a valid domain name."
                : $"The domain \"{domain}\" is not valid: {reason}";
            return false;
        }

        converted = converted.ToLowerInvariant();
        var labels = converted.Split('.');
        if (labels.Length < 2)
        {
            problem = $"The domain \"{domain}\" needs at least one dot, as in example.com.";
            return false;
        }

        foreach (var label in labels)
        {
            if (FindLabelProblem(label) is { } labelProblem)
            {
                problem = $"The domain \"{domain}\" is not valid: {labelProblem}";
                return false;
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            problem = $"The domain \"{domain}\" ends with a number; a domain ends with a name such as .com.";
            return false;
        }

        ascii = converted;
        return true;
    }

    private static string? FindLabelProblem(string label)
    {
        if (label.Length == 0)
        {
            return "it has an empty part (two dots in a row, or a dot at the start or end).";
        }

        if (label.Length > MaxLabelLength)
        {
            return $"a part between dots has more than {MaxLabelLength} characters.";
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return "a part between dots starts or ends with a hyphen.";
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return $"it contains the character '{c}'.";
            }
        }

        return null;
    }
}
