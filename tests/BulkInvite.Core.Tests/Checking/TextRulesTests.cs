using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

public class TextRulesTests
{
    [Theory]
    [InlineData("Ann", "Ann")]
    [InlineData("  Ann  ", "Ann")]
    [InlineData("\tAnn\r\n", "Ann")]
    [InlineData("\u00A0Ann\u00A0", "Ann")]
    [InlineData("\u202FAnn\u2007", "Ann")]
    [InlineData("\u3000Ann\u2003", "Ann")]
    [InlineData(" \u00A0 Ann Lee \u00A0 ", "Ann Lee")]
    [InlineData("Ann\u00A0Lee", "Ann\u00A0Lee")]
    [InlineData("   ", "")]
    [InlineData("\u00A0", "")]
    [InlineData("", "")]
    public void TrimsWhiteSpaceIncludingNonBreakingSpacesAtBothEndsOnly(string value, string trimmed)
    {
        // Act
        var result = TextRules.Trim(value);

        // Assert
        Assert.Equal(trimmed, result);
    }

    [Fact]
    public void TrimsNullToEmpty()
    {
        // Act
        var result = TextRules.Trim(null);

        // Assert
        Assert.Equal("", result);
    }

    [Theory]
    [InlineData("Ann")]
    [InlineData("Zoë O'Brien-Smith")]
    [InlineData("田中 太郎")]
    [InlineData("Ann \U0001F600")]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467")]
    [InlineData("Ann\u00A0Lee")]
    [InlineData("")]
    public void FindsNothingForbiddenInOrdinaryText(string value)
    {
        // Act
        var withoutBreaks = TextRules.FindForbiddenCharacter(value, allowLineBreaks: false);
        var withBreaks = TextRules.FindForbiddenCharacter(value, allowLineBreaks: true);

        // Assert
        Assert.Null(withoutBreaks);
        Assert.Null(withBreaks);
    }

    [Theory]
    [InlineData("Ann\tLee", '\t')]
    [InlineData("Ann\rLee", '\r')]
    [InlineData("Ann\nLee", '\n')]
    [InlineData("Ann\r\nLee", '\r')]
    public void ForbidsTabAndLineBreaksWhereTheyAreNotAllowed(string value, char forbidden)
    {
        // Act
        var result = TextRules.FindForbiddenCharacter(value, allowLineBreaks: false);

        // Assert
        Assert.Equal(forbidden, result);
    }

    [Theory]
    [InlineData("Ann\tLee")]
    [InlineData("Ann\rLee")]
    [InlineData("Ann\nLee")]
    [InlineData("Line one\r\nLine two\r\n\tindented")]
    public void AllowsTabAndLineBreaksWhereTheyAreAllowed(string value)
    {
        // Act
        var result = TextRules.FindForbiddenCharacter(value, allowLineBreaks: true);

        // Assert
        Assert.Null(result);
    }

    [Theory]
    [InlineData("Ann\u0000Lee", '\u0000')]
    [InlineData("\u0001Ann", '\u0001')]
    [InlineData("Ann\u0007", '\u0007')]
    [InlineData("Ann\u0008Lee", '\u0008')]
    [InlineData("Ann\u000BLee", '\u000B')]
    [InlineData("Ann\u000CLee", '\u000C')]
    [InlineData("Ann\u001BLee", '\u001B')]
    [InlineData("Ann\u001FLee", '\u001F')]
    [InlineData("Ann\u007FLee", '\u007F')]
    [InlineData("Ann\u0085Lee", '\u0085')]
    [InlineData("Ann\u009FLee", '\u009F')]
    public void ForbidsOtherControlCharactersEvenWhereLineBreaksAreAllowed(string value, char forbidden)
    {
        // Act
        var withoutBreaks = TextRules.FindForbiddenCharacter(value, allowLineBreaks: false);
        var withBreaks = TextRules.FindForbiddenCharacter(value, allowLineBreaks: true);

        // Assert
        Assert.Equal(forbidden, withoutBreaks);
        Assert.Equal(forbidden, withBreaks);
    }

    [Theory]
    [InlineData("Ann\u202ALee", '\u202A')]
    [InlineData("Ann\u202BLee", '\u202B')]
    [InlineData("Ann\u202CLee", '\u202C')]
    [InlineData("Ann\u202DLee", '\u202D')]
    [InlineData("Ann\u202Egpj.exe", '\u202E')]
    [InlineData("Ann\u2066Lee", '\u2066')]
    [InlineData("Ann\u2067Lee", '\u2067')]
    [InlineData("Ann\u2068Lee", '\u2068')]
    [InlineData("Ann\u2069Lee", '\u2069')]
    [InlineData("Ann\u200BLee", '\u200B')]
    [InlineData("Ann\uFEFFLee", '\uFEFF')]
    public void ForbidsDirectionOverridesAndInvisibleCharacters(string value, char forbidden)
    {
        // Act
        var withoutBreaks = TextRules.FindForbiddenCharacter(value, allowLineBreaks: false);
        var withBreaks = TextRules.FindForbiddenCharacter(value, allowLineBreaks: true);

        // Assert
        Assert.Equal(forbidden, withoutBreaks);
        Assert.Equal(forbidden, withBreaks);
    }

    // The lone surrogate is passed as a number: xunit cannot carry one inside a string argument.
    [Theory]
    [InlineData("Ann", 0xD83D, "")]
    [InlineData("", 0xDE00, "Ann")]
    [InlineData("An", 0xD83D, "n")]
    [InlineData("An", 0xDE00, "n")]
    [InlineData("", 0xD83D, "\U0001F600")]
    [InlineData("\U0001F600", 0xDE00, "")]
    public void ForbidsALoneSurrogate(string before, int surrogate, string after)
    {
        // Arrange
        var value = before + (char)surrogate + after;

        // Act
        var result = TextRules.FindForbiddenCharacter(value, allowLineBreaks: true);

        // Assert
        Assert.Equal((char)surrogate, result);
    }

    [Fact]
    public void ReportsTheFirstForbiddenCharacter()
    {
        // Act
        var result = TextRules.FindForbiddenCharacter("A\u202EB\u0001C", allowLineBreaks: false);

        // Assert
        Assert.Equal('\u202E', result);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Ann", 3)]
    [InlineData("Zoë", 3)]
    [InlineData("田中", 2)]
    [InlineData("\U0001F600", 1)]
    [InlineData("Ann \U0001F600", 5)]
    [InlineData("\U0001F600\U0001F600\U0001F600", 3)]
    [InlineData("\U0001D400", 1)]
    public void CountsACharacterOutsideTheBasicPlaneOnce(string value, int count)
    {
        // Act
        var result = TextRules.CharacterCount(value);

        // Assert
        Assert.Equal(count, result);
    }

    [Fact]
    public void CountsAHundredEmojiAsAHundredCharacters()
    {
        // Arrange
        var value = string.Concat(Enumerable.Repeat("\U0001F600", 100));

        // Act
        var result = TextRules.CharacterCount(value);

        // Assert
        Assert.Equal(200, value.Length);
        Assert.Equal(100, result);
    }

    [Theory]
    [InlineData("=1+2")]
    [InlineData("=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+49 30 1234")]
    [InlineData("-5")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tAnn")]
    [InlineData("\rAnn")]
    [InlineData("=")]
    public void SeesAFormulaPrefix(string value)
    {
        // Act
        var result = TextRules.HasFormulaPrefix(value);

        // Assert
        Assert.True(result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ann")]
    [InlineData("Ann-Lee")]
    [InlineData("a=b")]
    [InlineData("ann@example.com")]
    [InlineData(" =1")]
    [InlineData("\nAnn")]
    [InlineData("＝1")]
    public void SeesNoFormulaPrefixElsewhere(string value)
    {
        // Act
        var result = TextRules.HasFormulaPrefix(value);

        // Assert
        Assert.False(result);
    }
}
