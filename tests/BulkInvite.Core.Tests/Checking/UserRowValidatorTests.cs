using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Checking;

public class UserRowValidatorTests
{
    private const int RowNumber = 7;

    [Fact]
    public void AcceptsACompleteRowWithoutDescription()
    {
        // Arrange
        var row = Row("ann@example.com", "Ann", "Lee");

        // Act
        var check = UserRowValidator.Validate(row, InOrder(3));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.False(check.HasError);
        Assert.Equal(RowNumber, check.RowNumber);
        Assert.Equal(new StagedUser(RowNumber, "ann@example.com", "ann@example.com", "Ann", "Lee", null, true), check.User);
    }

    [Fact]
    public void AcceptsACompleteRowWithDescription()
    {
        // Arrange
        var row = Row("Ann@Example.com", "Ann", "Lee", "Sales, Berlin");

        // Act
        var check = UserRowValidator.Validate(row, InOrder(4));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.Equal(new StagedUser(RowNumber, "Ann@Example.com", "ann@example.com", "Ann", "Lee", "Sales, Berlin", true), check.User);
    }

    [Fact]
    public void TrimsEveryValueIncludingNonBreakingSpaces()
    {
        // Arrange
        var row = Row(" ann@example.com\u00A0", "\u00A0Ann ", "\tLee\u202F", "  Sales\u00A0 ");

        // Act
        var check = UserRowValidator.Validate(row, InOrder(4));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.NotNull(check.User);
        Assert.Equal("ann@example.com", check.User.Email);
        Assert.Equal("Ann", check.User.FirstName);
        Assert.Equal("Lee", check.User.LastName);
        Assert.Equal("Sales", check.User.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\u00A0")]
    public void LeavesABlankDescriptionOut(string description)
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "Ann", "Lee", description), InOrder(4));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.NotNull(check.User);
        Assert.Null(check.User.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0")]
    public void ReportsAMissingEmail(string email)
    {
        // Act
        var check = UserRowValidator.Validate(Row(email, "Ann", "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.EmailMissing, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(UserColumns.Email, diagnostic.Column);
        Assert.Equal(RowNumber, diagnostic.RowNumber);
        Assert.Contains("email address is missing", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(check.HasError);
        Assert.Null(check.User);
    }

    [Theory]
    [InlineData(1, UserColumns.FirstName, DiagnosticCode.FirstNameMissing, "first name is missing")]
    [InlineData(2, UserColumns.LastName, DiagnosticCode.LastNameMissing, "last name is missing")]
    public void ReportsAMissingName(int index, string column, DiagnosticCode code, string message)
    {
        // Arrange
        var cells = new[] { "ann@example.com", "Ann", "Lee" };
        cells[index] = " \u00A0 ";

        // Act
        var check = UserRowValidator.Validate(Row(cells), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(column, diagnostic.Column);
        Assert.Equal(RowNumber, diagnostic.RowNumber);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.True(check.HasError);
    }

    [Fact]
    public void ReportsMissingNamesWhenTheRowIsShorterThanTheHeader()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com"), InOrder(4));

        // Assert
        Assert.Equal([DiagnosticCode.FirstNameMissing, DiagnosticCode.LastNameMissing], Codes(check));
        Assert.Equal([UserColumns.FirstName, UserColumns.LastName], check.Diagnostics.Select(d => d.Column));
    }

    [Fact]
    public void ReportsEveryMissingValueInColumnOrder()
    {
        // Act
        var check = UserRowValidator.Validate(Row("", "", "", "Only a description"), InOrder(4));

        // Assert
        Assert.Equal([DiagnosticCode.EmailMissing, DiagnosticCode.FirstNameMissing, DiagnosticCode.LastNameMissing], Codes(check));
        Assert.All(check.Diagnostics, d => Assert.Equal(RowNumber, d.RowNumber));
    }

    [Fact]
    public void KeepsAValidAddressOfARowWithOtherErrorsAsNotValid()
    {
        // Act
        var check = UserRowValidator.Validate(Row("Ann@Example.com", "", "Lee"), InOrder(3));

        // Assert
        Assert.True(check.HasError);
        Assert.NotNull(check.User);
        Assert.False(check.User.IsValid);
        Assert.Equal("ann@example.com", check.User.NormalizedEmail);
    }

    [Theory]
    [InlineData("not-an-email", "no @")]
    [InlineData("Ann <ann@example.com>", "angle brackets")]
    [InlineData("ann@example.com; lee@example.com", "more than one @")]
    public void ReportsAnInvalidAddressWithTheRulesExplanation(string email, string explanation)
    {
        // Act
        var check = UserRowValidator.Validate(Row(email, "Ann", "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.EmailInvalid, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(UserColumns.Email, diagnostic.Column);
        Assert.Equal(EmailAddressRule.Check(email).Problem, diagnostic.Message);
        Assert.Contains(explanation, diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(check.User);
    }

    [Fact]
    public void CarriesTheCellAsWrittenBeforeTrimming()
    {
        // Act
        var check = UserRowValidator.Validate(Row("  not-an-email\u00A0", "Ann", "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal("  not-an-email\u00A0", diagnostic.Value);
        Assert.Equal("  not-an-email\u00A0", check.RawEmail);
    }

    [Fact]
    public void ReportsATooLongAddressAsValueTooLong()
    {
        // Arrange
        var email = new string('a', 65) + "@example.com";

        // Act
        var check = UserRowValidator.Validate(Row(email, "Ann", "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.ValueTooLong, diagnostic.Code);
        Assert.Equal(UserColumns.Email, diagnostic.Column);
        Assert.Null(check.User);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AcceptsANameOf100CharactersAfterTrimming(int index)
    {
        // Arrange
        var cells = new[] { "ann@example.com", "Ann", "Lee" };
        cells[index] = "  " + new string('n', UserColumns.MaxNameLength) + "  ";

        // Act
        var check = UserRowValidator.Validate(Row(cells), InOrder(3));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.True(check.User!.IsValid);
    }

    [Theory]
    [InlineData(1, UserColumns.FirstName, "first name")]
    [InlineData(2, UserColumns.LastName, "last name")]
    public void RejectsANameOf101Characters(int index, string column, string name)
    {
        // Arrange
        var cells = new[] { "ann@example.com", "Ann", "Lee" };
        cells[index] = new string('n', UserColumns.MaxNameLength + 1);

        // Act
        var check = UserRowValidator.Validate(Row(cells), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.ValueTooLong, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(column, diagnostic.Column);
        Assert.Equal($"The {name} has 101 characters; at most 100 are allowed.", diagnostic.Message);
        Assert.True(check.HasError);
        Assert.NotNull(check.User);
        Assert.False(check.User.IsValid);
    }

    [Fact]
    public void MeasuresANameInCharactersSoAnEmojiCountsOnce()
    {
        // Arrange: 100 emoji are 200 UTF-16 code units.
        var hundred = string.Concat(Enumerable.Repeat("\U0001F600", 100));

        // Act
        var ok = UserRowValidator.Validate(Row("ann@example.com", hundred, "Lee"), InOrder(3));
        var tooLong = UserRowValidator.Validate(Row("ann@example.com", hundred + "\U0001F600", "Lee"), InOrder(3));

        // Assert
        Assert.Empty(ok.Diagnostics);
        var diagnostic = Assert.Single(tooLong.Diagnostics);
        Assert.Equal(DiagnosticCode.ValueTooLong, diagnostic.Code);
        Assert.Contains("101 characters", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsADescriptionOf1000Characters()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "Ann", "Lee", new string('d', 1000)), InOrder(4));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.NotNull(check.User);
        Assert.Equal(1000, check.User.Description!.Length);
    }

    [Fact]
    public void RejectsADescriptionOf1001Characters()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "Ann", "Lee", new string('d', 1001)), InOrder(4));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.ValueTooLong, diagnostic.Code);
        Assert.Equal(UserColumns.Description, diagnostic.Column);
        Assert.Equal("The description has 1001 characters; at most 1000 are allowed.", diagnostic.Message);
    }

    [Theory]
    [InlineData(1, UserColumns.FirstName, "Ann\u0000", "U+0000")]
    [InlineData(1, UserColumns.FirstName, "An\u001Bn", "U+001B")]
    [InlineData(1, UserColumns.FirstName, "Ann\tMarie", "U+0009")]
    [InlineData(1, UserColumns.FirstName, "Ann\nMarie", "U+000A")]
    [InlineData(2, UserColumns.LastName, "Lee\r\nSmith", "U+000D")]
    [InlineData(2, UserColumns.LastName, "Lee\u202Ecod.exe", "U+202E")]
    [InlineData(2, UserColumns.LastName, "Lee\u2066", "U+2066")]
    [InlineData(3, UserColumns.Description, "Sales\u0007", "U+0007")]
    [InlineData(3, UserColumns.Description, "Sales\u202E", "U+202E")]
    public void RejectsInvisibleCharacters(int index, string column, string value, string shown)
    {
        // Arrange
        var cells = new[] { "ann@example.com", "Ann", "Lee", "Sales" };
        cells[index] = value;

        // Act
        var check = UserRowValidator.Validate(Row(cells), InOrder(4));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.InvalidCharacters, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(column, diagnostic.Column);
        Assert.Contains(shown, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(value, diagnostic.Value);
    }

    [Theory]
    [InlineData("Sales\tBerlin")]
    [InlineData("Line one\nLine two")]
    [InlineData("Line one\r\nLine two")]
    public void AllowsTabAndLineBreaksInTheDescription(string description)
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "Ann", "Lee", description), InOrder(4));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.NotNull(check.User);
        Assert.Equal(description, check.User.Description);
    }

    [Fact]
    public void ReportsBothALengthAndACharacterProblemOfOneValue()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", new string('n', 101) + "\u0001", "Lee"), InOrder(3));

        // Assert
        Assert.Equal([DiagnosticCode.ValueTooLong, DiagnosticCode.InvalidCharacters], Codes(check));
    }

    [Fact]
    public void ReportsCellsBeyondTheHeadersColumns()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "Ann", "Lee", "Sales"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.ExtraFields, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("", diagnostic.Column);
        Assert.Equal(RowNumber, diagnostic.RowNumber);
        Assert.Contains("column D", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("without a header", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("Sales", diagnostic.Value);
        Assert.True(check.HasError);
        Assert.NotNull(check.User);
        Assert.Null(check.User.Description);
    }

    [Fact]
    public void NamesEveryExtraColumnAndCarriesTheFirstExtraValue()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "Ann", "Lee", "Sales", "", "+49 30", " ", "x"), InOrder(4));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.ExtraFields, diagnostic.Code);
        Assert.Contains("column F, H", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("+49 30", diagnostic.Value);
    }

    [Fact]
    public void NamesAtMostFiveExtraColumns()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "Ann", "Lee", "1", "2", "3", "4", "5", "6"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Contains("column D, E, F, G, H, ...", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoresBlankCellsBeyondTheHeadersColumns()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "Ann", "Lee", "", " ", "\u00A0", "\t"), InOrder(3));

        // Assert
        Assert.Empty(check.Diagnostics);
    }

    [Theory]
    [InlineData(1, UserColumns.FirstName, "=HYPERLINK(\"http://x\")", '=')]
    [InlineData(1, UserColumns.FirstName, "+Ann", '+')]
    [InlineData(2, UserColumns.LastName, "-Lee", '-')]
    [InlineData(2, UserColumns.LastName, "@Lee", '@')]
    [InlineData(3, UserColumns.Description, "=1+2", '=')]
    [InlineData(3, UserColumns.Description, "- team lead", '-')]
    [InlineData(0, UserColumns.Email, "=ann@example.com", '=')]
    [InlineData(0, UserColumns.Email, "+ann@example.com", '+')]
    [InlineData(0, UserColumns.Email, "-ann@example.com", '-')]
    public void WarnsAboutAFormulaPrefixAndStoresTheValueAsWritten(int index, string column, string value, char prefix)
    {
        // Arrange
        var cells = new[] { "ann@example.com", "Ann", "Lee", "Sales" };
        cells[index] = value;

        // Act
        var check = UserRowValidator.Validate(Row(cells), InOrder(4));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.FormulaPrefix, diagnostic.Code);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(column, diagnostic.Column);
        Assert.Contains($"starts with '{prefix}'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(value, diagnostic.Value);
        Assert.False(check.HasError);
        Assert.NotNull(check.User);
        Assert.True(check.User.IsValid);
        var stored = new[] { check.User.Email, check.User.FirstName, check.User.LastName, check.User.Description };
        Assert.Equal(value, stored[index]);
    }

    [Fact]
    public void WarnsAboutAFormulaPrefixThatRemainsAfterTrimming()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "\t=cmd", "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.FormulaPrefix, diagnostic.Code);
        Assert.Equal("\t=cmd", diagnostic.Value);
        Assert.Equal("=cmd", check.User!.FirstName);
    }

    [Fact]
    public void DoesNotWarnAboutATabThatTrimmingRemoves()
    {
        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "\tAnn", "Lee\r"), InOrder(3));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.Equal("Ann", check.User!.FirstName);
        Assert.Equal("Lee", check.User.LastName);
    }

    [Theory]
    [InlineData(101, "", DiagnosticCode.ValueTooLong)]
    [InlineData(3, "\u0001", DiagnosticCode.InvalidCharacters)]
    public void DoesNotWarnAboutAFormulaPrefixOnAValueWithAnErrorOfItsOwn(int length, string suffix, DiagnosticCode code)
    {
        // Arrange
        var firstName = "=" + new string('n', length - 1) + suffix;

        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", firstName, "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
    }

    [Theory]
    [InlineData("=ann")]
    [InlineData("@example.com")]
    [InlineData("-ann@localhost")]
    public void DoesNotWarnAboutAFormulaPrefixOnAnInvalidAddress(string email)
    {
        // Act
        var check = UserRowValidator.Validate(Row(email, "Ann", "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.EmailInvalid, diagnostic.Code);
    }

    [Fact]
    public void StillWarnsAboutAFormulaPrefixInAnotherCellOfAnInvalidRow()
    {
        // Act
        var check = UserRowValidator.Validate(Row("not-an-email", "=Ann", ""), InOrder(3));

        // Assert
        Assert.Equal([DiagnosticCode.EmailInvalid, DiagnosticCode.FormulaPrefix, DiagnosticCode.LastNameMissing], Codes(check));
    }

    [Fact]
    public void WarnsAboutLettersBeyondAsciiBeforeTheAt()
    {
        // Act
        var check = UserRowValidator.Validate(Row("Jürgen@example.de", "Jürgen", "Groß"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.EmailNonAscii, diagnostic.Code);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(UserColumns.Email, diagnostic.Column);
        Assert.Contains("beyond ASCII", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("Jürgen@example.de", diagnostic.Value);
        Assert.False(check.HasError);
        Assert.Equal("jürgen@example.de", check.User!.NormalizedEmail);
        Assert.True(check.User.IsValid);
    }

    [Fact]
    public void DoesNotWarnAboutAnInternationalizedDomain()
    {
        // Act
        var check = UserRowValidator.Validate(Row("user@münchen.de", "Ann", "Lee"), InOrder(3));

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.Equal("user@münchen.de", check.User!.Email);
        Assert.Equal("user@xn--mnchen-3ya.de", check.User.NormalizedEmail);
    }

    [Fact]
    public void CutsTheValueOfADiagnosticTo200Characters()
    {
        // Arrange
        var longName = new string('n', 300);

        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", longName, "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(longName[..200], diagnostic.Value);
    }

    [Fact]
    public void CutsTheValueOfAnInvalidAddressTo200Characters()
    {
        // Arrange
        var email = new string('a', 300);

        // Act
        var check = UserRowValidator.Validate(Row(email, "Ann", "Lee"), InOrder(3));

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(200, diagnostic.Value.Length);
    }

    [Fact]
    public void ListsDiagnosticsInColumnOrder()
    {
        // Arrange
        var row = Row("+jürgen@example.de", "", new string('n', 101), "=Sales\u0001", "extra");

        // Act
        var check = UserRowValidator.Validate(row, InOrder(4));

        // Assert
        Assert.Equal(
            [
                DiagnosticCode.EmailNonAscii,
                DiagnosticCode.FormulaPrefix,
                DiagnosticCode.FirstNameMissing,
                DiagnosticCode.ValueTooLong,
                DiagnosticCode.InvalidCharacters,
                DiagnosticCode.ExtraFields,
            ],
            Codes(check));
        Assert.Equal(
            [UserColumns.Email, UserColumns.Email, UserColumns.FirstName, UserColumns.LastName, UserColumns.Description, ""],
            check.Diagnostics.Select(d => d.Column));
        Assert.All(check.Diagnostics, d => Assert.Equal(RowNumber, d.RowNumber));
    }

    [Fact]
    public void ReadsEachFieldFromItsColumnWhateverTheOrder()
    {
        // Arrange: Department (not imported) first, then Description, Last name, Email, First name.
        var layout = Layout("Department", "Notes", "Surname", "E-mail", "Given name");
        var row = Row("Sales", "Team lead", "Lee", "ann@example.com", "Ann");

        // Act
        var check = UserRowValidator.Validate(row, layout);

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.Equal(new StagedUser(RowNumber, "ann@example.com", "ann@example.com", "Ann", "Lee", "Team lead", true), check.User);
    }

    [Fact]
    public void NamesTheCanonicalColumnWhateverTheHeaderSays()
    {
        // Arrange
        var layout = Layout("Nom", "Courriel", "Prénom");

        // Act
        var check = UserRowValidator.Validate(Row("", "not-an-email", ""), layout);

        // Assert
        Assert.Equal(
            [(UserColumns.Email, DiagnosticCode.EmailInvalid), (UserColumns.FirstName, DiagnosticCode.FirstNameMissing), (UserColumns.LastName, DiagnosticCode.LastNameMissing)],
            check.Diagnostics.Select(d => (d.Column, d.Code)));
    }

    [Fact]
    public void IgnoresValuesInNamedColumnsThatAreNotImported()
    {
        // Arrange
        var layout = Layout("Email", "Department", "First name", "Phone", "Last name");

        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "=Sales\u0001", "Ann", new string('9', 5000), "Lee"), layout);

        // Assert
        Assert.Empty(check.Diagnostics);
        Assert.Equal(new StagedUser(RowNumber, "ann@example.com", "ann@example.com", "Ann", "Lee", null, true), check.User);
    }

    [Fact]
    public void ReportsValuesUnderABlankHeaderCellBetweenNamedColumns()
    {
        // Arrange: column B has no header text.
        var layout = Layout("Email", "", "First name", "Last name");

        // Act
        var check = UserRowValidator.Validate(Row("ann@example.com", "forgotten", "Ann", "Lee", "", "beyond"), layout);

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCode.ExtraFields, diagnostic.Code);
        Assert.Equal("", diagnostic.Column);
        Assert.Contains("column B, F", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("forgotten", diagnostic.Value);
    }

    [Fact]
    public void NamesTheMappedColumnOfACellTheReaderCouldNotRead()
    {
        // Arrange: the reader gave up on column C, which the header maps to Email.
        var layout = Layout("First name", "Last name", "Email");
        var row = new SheetRow(RowNumber, ["Ann", "Lee", ""]) { Problems = [new CellProblem(2, DiagnosticCode.ValueTooLong, "Too long.", "xxx")] };

        // Act
        var check = UserRowValidator.Validate(row, layout);

        // Assert
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal((UserColumns.Email, DiagnosticCode.ValueTooLong), (diagnostic.Column, diagnostic.Code));
        Assert.Null(check.User);
    }

    private static SheetRow Row(params string[] cells) => new(RowNumber, cells);

    /// <summary>The layout of a header of the first <paramref name="count"/> canonical columns, in their usual order.</summary>
    private static ColumnLayout InOrder(int count) => Layout([.. UserColumns.All.Take(count)]);

    private static ColumnLayout Layout(params string[] header) => HeaderRule.Match(header, 1).Layout!;

    private static DiagnosticCode[] Codes(RowCheck check) => check.Diagnostics.Select(d => d.Code).ToArray();
}
