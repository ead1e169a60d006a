using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

public class DiagnosticTests
{
    [Theory]
    [InlineData(DiagnosticCode.AlreadyInvited)]
    [InlineData(DiagnosticCode.AlreadyMember)]
    [InlineData(DiagnosticCode.FormulaPrefix)]
    [InlineData(DiagnosticCode.EmailNonAscii)]
    public void MakesAWarningOfTheCodesThatLeaveARowValid(DiagnosticCode code)
    {
        // Act
        var diagnostic = Diagnostic.ForRow(3, UserColumns.Email, code, "Check this.", "x");

        // Assert
        Assert.Equal(Severity.Warning, Diagnostic.SeverityOf(code));
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.False(diagnostic.IsError);
    }

    [Theory]
    [InlineData(DiagnosticCode.EmailMissing)]
    [InlineData(DiagnosticCode.EmailInvalid)]
    [InlineData(DiagnosticCode.DuplicateEmail)]
    [InlineData(DiagnosticCode.FirstNameMissing)]
    [InlineData(DiagnosticCode.LastNameMissing)]
    [InlineData(DiagnosticCode.ValueTooLong)]
    [InlineData(DiagnosticCode.InvalidCharacters)]
    [InlineData(DiagnosticCode.ExtraFields)]
    public void MakesAnErrorOfTheCodesThatMakeARowInvalid(DiagnosticCode code)
    {
        // Act
        var diagnostic = Diagnostic.ForRow(3, UserColumns.Email, code, "Fix this.", "x");

        // Assert
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.True(diagnostic.IsError);
    }

    [Fact]
    public void GivesEveryCodeASeverity()
    {
        // Act
        var unspecified = Enum.GetValues<DiagnosticCode>()
            .Where(code => Diagnostic.SeverityOf(code) is not (Severity.Error or Severity.Warning))
            .ToList();

        // Assert
        Assert.Empty(unspecified);
    }

    [Theory]
    [InlineData(DiagnosticCode.FileEmpty)]
    [InlineData(DiagnosticCode.HeaderMismatch)]
    [InlineData(DiagnosticCode.TooManyRows)]
    [InlineData(DiagnosticCode.FormulaPrefix)]
    public void MakesEveryFileDiagnosticAnErrorOnRowZero(DiagnosticCode code)
    {
        // Act
        var diagnostic = Diagnostic.ForFile(code, "The file is rejected.");

        // Assert
        Assert.Equal(new Diagnostic(0, "", code, Severity.Error, "The file is rejected.", ""), diagnostic);
        Assert.True(diagnostic.IsError);
    }

    [Fact]
    public void MakesAFileWarningAWarningOnRowZeroThatRejectsNothing()
    {
        // Act
        var diagnostic = Diagnostic.WarningForFile(DiagnosticCode.ColumnsNotImported, "Phone (D) is not imported.", "Phone");
        var result = new CheckResult([diagnostic], 1, 1, 0);

        // Assert
        Assert.Equal(new Diagnostic(0, "", DiagnosticCode.ColumnsNotImported, Severity.Warning, "Phone (D) is not imported.", "Phone"), diagnostic);
        Assert.Equal(Severity.Warning, Diagnostic.SeverityOf(DiagnosticCode.ColumnsNotImported));
        Assert.False(result.IsRejected);
        Assert.True((result with { FileDiagnostics = [diagnostic, Diagnostic.ForFile(DiagnosticCode.NoUserRows, "No rows.")] }).IsRejected);
    }

    [Fact]
    public void KeepsTheRowColumnMessageAndValueOfARowDiagnostic()
    {
        // Act
        var diagnostic = Diagnostic.ForRow(12, UserColumns.LastName, DiagnosticCode.LastNameMissing, "The last name is missing.", "  ");

        // Assert
        Assert.Equal(new Diagnostic(12, UserColumns.LastName, DiagnosticCode.LastNameMissing, Severity.Error, "The last name is missing.", "  "), diagnostic);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void CarriesAnEmptyValueWhenThereIsNone(string? value)
    {
        // Act
        var row = Diagnostic.ForRow(2, UserColumns.Email, DiagnosticCode.EmailMissing, "The email address is missing.", value);
        var file = Diagnostic.ForFile(DiagnosticCode.FileEmpty, "The file is empty.", value);

        // Assert
        Assert.Equal("", row.Value);
        Assert.Equal("", file.Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(199)]
    [InlineData(200)]
    public void KeepsAValueOfAtMost200Characters(int length)
    {
        // Arrange
        var value = new string('v', length);

        // Act
        var diagnostic = Diagnostic.ForRow(2, UserColumns.FirstName, DiagnosticCode.ValueTooLong, "Too long.", value);

        // Assert
        Assert.Equal(value, diagnostic.Value);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(5000)]
    public void CutsALongerValueTo200Characters(int length)
    {
        // Arrange
        var value = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));

        // Act
        var row = Diagnostic.ForRow(2, UserColumns.FirstName, DiagnosticCode.ValueTooLong, "Too long.", value);
        var file = Diagnostic.ForFile(DiagnosticCode.HeaderMismatch, "Wrong header.", value);

        // Assert
        Assert.Equal(value[..Diagnostic.MaxValueLength], row.Value);
        Assert.Equal(value[..Diagnostic.MaxValueLength], file.Value);
    }

    [Fact]
    public void DoesNotSplitASurrogatePairWhenCutting()
    {
        // Arrange: the emoji takes characters 200 and 201, across the cut.
        var value = new string('a', 199) + "\U0001F600" + new string('b', 10);

        // Act
        var diagnostic = Diagnostic.ForRow(2, UserColumns.FirstName, DiagnosticCode.ValueTooLong, "Too long.", value);

        // Assert
        Assert.Equal(new string('a', 199), diagnostic.Value);
    }

    [Fact]
    public void KeepsASurrogatePairThatEndsAtTheCut()
    {
        // Arrange: the emoji takes characters 199 and 200, inside the cut.
        var value = new string('a', 198) + "\U0001F600" + new string('b', 10);

        // Act
        var diagnostic = Diagnostic.ForRow(2, UserColumns.FirstName, DiagnosticCode.ValueTooLong, "Too long.", value);

        // Assert
        Assert.Equal(200, diagnostic.Value.Length);
        Assert.EndsWith("\U0001F600", diagnostic.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void CutsAValueOfEmojiToWholeEmoji()
    {
        // Arrange
        var value = "x" + string.Concat(Enumerable.Repeat("\U0001F600", 150));

        // Act
        var diagnostic = Diagnostic.ForRow(2, UserColumns.FirstName, DiagnosticCode.ValueTooLong, "Too long.", value);

        // Assert
        Assert.Equal(199, diagnostic.Value.Length);
        Assert.Equal(99, diagnostic.Value.EnumerateRunes().Count(r => r.Value == 0x1F600));
        var strictUtf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        Assert.Equal(1 + (99 * 4), strictUtf8.GetByteCount(diagnostic.Value));
    }
}
