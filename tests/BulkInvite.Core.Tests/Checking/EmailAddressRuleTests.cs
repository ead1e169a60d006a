using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

public class EmailAddressRuleTests
{
    // 63 + 1 + 63 + 1 + 61 = 189 characters: with a 64-character local part and the @, 254 in all.
    private static readonly string LongestLocalPart = new('l', EmailAddressRule.MaxLocalPartLength);
    private static readonly string DomainOf189 = $"{new string('b', 63)}.{new string('c', 63)}.{new string('d', 61)}";
    private static readonly string DomainOf190 = $"{new string('b', 63)}.{new string('c', 63)}.{new string('d', 62)}";

    [Theory]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("ann.lee@example.com", "ann.lee@example.com")]
    [InlineData("a@b.co", "a@b.co")]
    [InlineData("ann+invites@example.com", "ann+invites@example.com")]
    [InlineData("ann.lee+tag.two@mail.example.co.uk", "ann.lee+tag.two@mail.example.co.uk")]
    [InlineData("1234@example.com", "1234@example.com")]
    [InlineData("ann@123.example.com", "ann@123.example.com")]
    [InlineData("ann@my-company.example", "ann@my-company.example")]
    [InlineData("ann@ex--ample.com", "ann@ex--ample.com")]
    [InlineData("ann@example.c0m", "ann@example.c0m")]
    [InlineData("ann@xn--mnchen-3ya.de", "ann@xn--mnchen-3ya.de")]
    public void AcceptsAPlainAddressAndKeepsItAsTheKey(string address, string normalized)
    {
        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.True(check.IsValid, check.Problem);
        Assert.Null(check.ErrorCode);
        Assert.Null(check.Problem);
        Assert.Equal(normalized, check.Normalized);
        Assert.False(check.HasNonAsciiLocalPart);
    }

    [Fact]
    public void GivesEveryAddressOfADomainTheVerdictOfItsFirst()
    {
        // Arrange: each domain is checked once and remembered; later rows must get the same answers.
        string[] addresses = ["Ann@München.DE", "bob@münchen.de", "Cy@MÜNCHEN.de", "dee@exa_mple.com", "eve@exa_mple.com", "fay@example.com", "Gus@example.com"];

        // Act
        var first = addresses.Select(EmailAddressRule.Check).ToList();
        var again = addresses.Select(EmailAddressRule.Check).ToList();

        // Assert
        Assert.Equal(["ann@xn--mnchen-3ya.de", "bob@xn--mnchen-3ya.de", "cy@xn--mnchen-3ya.de", null, null, "fay@example.com", "gus@example.com"], first.Select(c => c.Normalized));
        Assert.Equal(first[3].Problem, first[4].Problem);
        Assert.Contains("exa_mple.com", first[4].Problem, StringComparison.Ordinal);
        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("a!b@example.com")]
    [InlineData("a#b@example.com")]
    [InlineData("a$b@example.com")]
    [InlineData("a%b@example.com")]
    [InlineData("a&b@example.com")]
    [InlineData("a'b@example.com")]
    [InlineData("a*b@example.com")]
    [InlineData("a+b@example.com")]
    [InlineData("a-b@example.com")]
    [InlineData("a/b@example.com")]
    [InlineData("a=b@example.com")]
    [InlineData("a?b@example.com")]
    [InlineData("a^b@example.com")]
    [InlineData("a_b@example.com")]
    [InlineData("a`b@example.com")]
    [InlineData("a{b@example.com")]
    [InlineData("a|b@example.com")]
    [InlineData("a}b@example.com")]
    [InlineData("a~b@example.com")]
    [InlineData("!#$%&'*+-/=?^_`{|}~@example.com")]
    [InlineData("o'connor@example.ie")]
    public void AcceptsEveryAtextSymbolInTheLocalPart(string address)
    {
        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(address, check.Normalized);
    }

    [Theory]
    [InlineData("Ann@Example.com", "ann@example.com")]
    [InlineData("ANN.LEE@EXAMPLE.COM", "ann.lee@example.com")]
    [InlineData("Ann+Tag@Mail.Example.Org", "ann+tag@mail.example.org")]
    public void LowercasesTheWholeAddressForTheKey(string address, string normalized)
    {
        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("user@münchen.de", "user@xn--mnchen-3ya.de")]
    [InlineData("user@MÜNCHEN.DE", "user@xn--mnchen-3ya.de")]
    [InlineData("user@München.De", "user@xn--mnchen-3ya.de")]
    [InlineData("user@例え.jp", "user@xn--r8jz45g.jp")]
    [InlineData("user@mail.bücher.example", "user@mail.xn--bcher-kva.example")]
    public void ConvertsAnInternationalizedDomainToPunycode(string address, string normalized)
    {
        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(normalized, check.Normalized);
        Assert.False(check.HasNonAsciiLocalPart);
    }

    [Fact]
    public void GivesTheUnicodeAndThePunycodeFormOfADomainTheSameKey()
    {
        // Act
        var unicode = EmailAddressRule.Normalize("User@München.de");
        var punycode = EmailAddressRule.Normalize("user@XN--MNCHEN-3YA.DE");

        // Assert
        Assert.Equal("user@xn--mnchen-3ya.de", unicode);
        Assert.Equal(unicode, punycode);
    }

    [Theory]
    [InlineData("jürgen@example.de", "jürgen@example.de")]
    [InlineData("JÜRGEN@example.de", "jürgen@example.de")]
    [InlineData("josé.garcía@example.es", "josé.garcía@example.es")]
    [InlineData("田中@example.jp", "田中@example.jp")]
    [InlineData("андрей@пример.рф", "андрей@xn--e1afmkfd.xn--p1ai")]
    [InlineData("δοκιμή@example.gr", "δοκιμή@example.gr")]
    public void AcceptsLettersBeyondAsciiInTheLocalPartAndFlagsThem(string address, string normalized)
    {
        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.True(check.IsValid, check.Problem);
        Assert.True(check.HasNonAsciiLocalPart);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    // Dots in the local part.
    [InlineData(".ann@example.com", "start or end with a dot")]
    [InlineData("ann.@example.com", "start or end with a dot")]
    [InlineData("ann..lee@example.com", "two dots in a row")]
    [InlineData(".@example.com", "start or end with a dot")]
    // The @.
    [InlineData("ann.example.com", "no @")]
    [InlineData("ann", "no @")]
    [InlineData("ann@lee@example.com", "more than one @")]
    [InlineData("@example.com", "nothing before the @")]
    [InlineData("@", "nothing before the @")]
    [InlineData("ann@", "nothing after the @")]
    [InlineData("ann＠example.com", "full-width ＠")]
    // The domain.
    [InlineData("ann@localhost", "at least one dot")]
    [InlineData("ann@example.123", "ends with a number")]
    [InlineData("ann@1.2.3.4", "ends with a number")]
    [InlineData("ann@example.com.", "empty part")]
    [InlineData("ann@.example.com", "empty part")]
    [InlineData("ann@example..com", "empty part")]
    [InlineData("ann@-example.com", "hyphen")]
    [InlineData("ann@example-.com", "hyphen")]
    [InlineData("ann@mail.-example.com", "hyphen")]
    [InlineData("ann@ex_ample.com", "'_'")]
    [InlineData("ann@example.com(work)", "'('")]
    [InlineData("ann@exa!mple.com", "'!'")]
    [InlineData("ann@[1.2.3.4]", "IP addresses")]
    [InlineData("ann@[IPv6:2001:db8::1]", "IP addresses")]
    [InlineData("ann@xn--abc.com", "xn--abc.com")]
    // Things that are not one bare address.
    [InlineData("\"ann\"@example.com", "Quoted")]
    [InlineData("\"ann lee\"@example.com", "spaces")]
    [InlineData("ann(work)@example.com", "'('")]
    [InlineData("(work)ann@example.com", "'('")]
    [InlineData("Ann <ann@example.com>", "angle brackets")]
    [InlineData("<ann@example.com>", "angle brackets")]
    [InlineData("\"Ann Lee\" <ann@example.com>", "angle brackets")]
    [InlineData("mailto:ann@example.com", "mailto:")]
    [InlineData("MAILTO:ann@example.com", "mailto:")]
    [InlineData("ann lee@example.com", "spaces")]
    [InlineData("ann@exam ple.com", "spaces")]
    [InlineData("ann\u00A0lee@example.com", "spaces")]
    [InlineData("ann@example.com\u00A0x", "spaces")]
    [InlineData("ann\tlee@example.com", "spaces")]
    [InlineData("ann\u200Blee@example.com", "U+200B")]
    [InlineData("ann@example.com\u200B", "U+200B")]
    [InlineData("ann\u202E@example.com", "U+202E")]
    [InlineData("ann\u0001@example.com", "U+0001")]
    [InlineData("ann@example.com, lee@example.com", "more than one @")]
    [InlineData("ann@example.com,lee@example.com", "more than one @")]
    [InlineData("ann@example.com;lee@example.com", "more than one @")]
    [InlineData("ann@example.com; lee@example.com", "more than one @")]
    [InlineData("ann,lee@example.com", "comma or semicolon")]
    [InlineData("ann@example.com;", "comma or semicolon")]
    // Characters outside atext.
    [InlineData("ann:lee@example.com", "':'")]
    [InlineData("ann\\lee@example.com", "'\\'")]
    [InlineData("ann[lee]@example.com", "'['")]
    [InlineData("an\"n@example.com", "'\"'")]
    [InlineData("😀@example.com", "U+1F600")]
    [InlineData("ann€@example.com", "U+20AC")]
    public void RejectsAnAddressThatIsNotOneValidPlainAddress(string address, string explanation)
    {
        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.False(check.IsValid);
        Assert.Equal(DiagnosticCode.EmailInvalid, check.ErrorCode);
        AssertIsAHelpfulSentence(check.Problem);
        Assert.Contains(explanation, check.Problem, StringComparison.Ordinal);
        Assert.Null(check.Normalized);
        Assert.False(check.HasNonAsciiLocalPart);
    }

    [Fact]
    public void RejectsAnAddressWithTwoAtSigns()
    {
        // Act
        var check = EmailAddressRule.Check("ann@@example.com");

        // Assert
        Assert.Equal(DiagnosticCode.EmailInvalid, check.ErrorCode);
        Assert.Contains("more than one @", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheDomainWhenTheDomainIsInvalid()
    {
        // Act
        var check = EmailAddressRule.Check("ann@ex_ample.com");

        // Assert
        Assert.Contains("\"ex_ample.com\"", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsADomainLabelOf63Characters()
    {
        // Arrange
        var address = $"ann@{new string('a', 63)}.com";

        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(address, check.Normalized);
    }

    [Fact]
    public void RejectsADomainLabelOf64CharactersAndSaysWhy()
    {
        // Act
        var check = EmailAddressRule.Check($"ann@{new string('a', 64)}.com");

        // Assert
        Assert.Equal(DiagnosticCode.EmailInvalid, check.ErrorCode);
        AssertIsAHelpfulSentence(check.Problem);
        Assert.Contains("more than 63 characters", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsALocalPartOf64Characters()
    {
        // Arrange
        var address = $"{LongestLocalPart}@example.com";

        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(address, check.Normalized);
    }

    [Fact]
    public void RejectsALocalPartOf65CharactersAsTooLong()
    {
        // Act
        var check = EmailAddressRule.Check($"{LongestLocalPart}x@example.com");

        // Assert
        Assert.Equal(DiagnosticCode.ValueTooLong, check.ErrorCode);
        AssertIsAHelpfulSentence(check.Problem);
        Assert.Contains("65", check.Problem, StringComparison.Ordinal);
        Assert.Contains("64", check.Problem, StringComparison.Ordinal);
        Assert.Null(check.Normalized);
    }

    [Fact]
    public void AcceptsAnAddressOf254Characters()
    {
        // Arrange
        var address = $"{LongestLocalPart}@{DomainOf189}";
        Assert.Equal(254, address.Length);

        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(address, check.Normalized);
    }

    [Fact]
    public void RejectsAnAddressOf255CharactersAsTooLong()
    {
        // Arrange
        var address = $"{LongestLocalPart}@{DomainOf190}";
        Assert.Equal(255, address.Length);

        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.Equal(DiagnosticCode.ValueTooLong, check.ErrorCode);
        AssertIsAHelpfulSentence(check.Problem);
        Assert.Contains("255", check.Problem, StringComparison.Ordinal);
        Assert.Contains("254", check.Problem, StringComparison.Ordinal);
        Assert.Null(check.Normalized);
    }

    [Fact]
    public void RejectsAnAddressWhoseDomainIsTooLongForDnsAsTooLong()
    {
        // Arrange: four labels of 63 make a 255-character domain, longer than DNS allows.
        var address = "ann@" + string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.Equal(DiagnosticCode.ValueTooLong, check.ErrorCode);
        AssertIsAHelpfulSentence(check.Problem);
        Assert.Contains(address.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasuresTheLengthOnThePunycodeForm()
    {
        // Arrange: 251 characters as written; "münchen" becomes "xn--mnchen-3ya", 7 more, so 258.
        var address = $"{LongestLocalPart}@münchen.{new string('d', 63)}.{new string('e', 63)}.{new string('f', 50)}";
        Assert.Equal(251, address.Length);

        // Act
        var check = EmailAddressRule.Check(address);

        // Assert
        Assert.Equal(DiagnosticCode.ValueTooLong, check.ErrorCode);
        Assert.Contains("258", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnEmptyCell()
    {
        // Act and assert
        Assert.Throws<ArgumentException>(() => EmailAddressRule.Check(""));
    }

    [Fact]
    public void RefusesToNormalizeAnInvalidAddress()
    {
        // Act and assert
        var e = Assert.Throws<ArgumentException>(() => EmailAddressRule.Normalize("ann@localhost"));
        Assert.Equal("address", e.ParamName);
    }

    private static void AssertIsAHelpfulSentence(string? problem)
    {
        Assert.False(string.IsNullOrWhiteSpace(problem));
        Assert.True(problem.Length >= 15, $"Too short to help: \"{problem}\"");
        Assert.True(char.IsUpper(problem[0]) || problem[0] == '"', $"Does not start as a sentence: \"{problem}\"");
        Assert.EndsWith(".", problem, StringComparison.Ordinal);
    }
}
