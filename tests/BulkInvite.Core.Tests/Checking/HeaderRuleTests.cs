using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

public class HeaderRuleTests
{
    private const string ExpectedHeader = "\"Email, First name, Last name\" optionally followed by \"Description\"";

    [Theory]
    [InlineData("Email", "First name", "Last name")]
    [InlineData("email", "first_name", "last_name")]
    [InlineData("EMAIL", "FIRST NAME", "LAST NAME")]
    [InlineData("Email", "FirstName", "LastName")]
    [InlineData("E-mail", "first-name", "Last.Name")]
    [InlineData(" Email ", "\u00A0First name\u00A0", "Last  name")]
    [InlineData("eMaIl", "fIRST nAME", "last name:")]
    [InlineData("Email*", "First_Name", "Last name 1")]
    public void AcceptsTheThreeRequiredColumnsHoweverTheyAreWritten(string email, string firstName, string lastName)
    {
        // Act
        var columns = HeaderRule.Match([email, firstName, lastName], out var problem);

        // Assert
        Assert.Equal(3, columns);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("Description")]
    [InlineData("description")]
    [InlineData("DESCRIPTION")]
    [InlineData(" Description ")]
    public void AcceptsTheOptionalDescriptionColumn(string description)
    {
        // Act
        var columns = HeaderRule.Match(["Email", "First name", "Last name", description], out var problem);

        // Assert
        Assert.Equal(4, columns);
        Assert.Null(problem);
    }

    [Fact]
    public void IgnoresBlankCellsAfterTheLastColumn()
    {
        // Act
        var withoutDescription = HeaderRule.Match(["Email", "First name", "Last name", "", " ", "\u00A0"], out var problem1);
        var withDescription = HeaderRule.Match(["Email", "First name", "Last name", "Description", "", "\t"], out var problem2);

        // Assert
        Assert.Equal(3, withoutDescription);
        Assert.Null(problem1);
        Assert.Equal(4, withDescription);
        Assert.Null(problem2);
    }

    [Theory]
    [InlineData(new[] { "First name", "Email", "Last name" }, "First name, Email, Last name")]
    [InlineData(new[] { "Email", "Last name", "First name" }, "Email, Last name, First name")]
    [InlineData(new[] { "Description", "Email", "First name", "Last name" }, "Description, Email, First name, Last name")]
    [InlineData(new[] { "Email", "First name" }, "Email, First name")]
    [InlineData(new[] { "Email" }, "Email")]
    [InlineData(new[] { "Email", "Last name" }, "Email, Last name")]
    [InlineData(new[] { "Email", "First name", "Last name", "Phone" }, "Email, First name, Last name, Phone")]
    [InlineData(new[] { "Email", "First name", "Last name", "Description", "Phone" }, "Email, First name, Last name, Description, Phone")]
    [InlineData(new[] { "Email", "", "First name", "Last name" }, "Email, (blank), First name, Last name")]
    [InlineData(new[] { "Email", "First name", " ", "Last name" }, "Email, First name, (blank), Last name")]
    [InlineData(new[] { "", "Email", "First name", "Last name" }, "(blank), Email, First name, Last name")]
    [InlineData(new[] { "Email address", "First name", "Last name" }, "Email address, First name, Last name")]
    [InlineData(new[] { "Mail", "First name", "Last name" }, "Mail, First name, Last name")]
    [InlineData(new[] { "Email", "Given name", "Family name" }, "Email, Given name, Family name")]
    [InlineData(new[] { "Email", "Name", "Last name" }, "Email, Name, Last name")]
    [InlineData(new[] { "ann@example.com", "Ann", "Lee" }, "ann@example.com, Ann, Lee")]
    [InlineData(new[] { "Email", "First name", "Last name", "Description", "", "Notes" }, "Email, First name, Last name, Description, (blank), Notes")]
    public void RejectsAnyOtherHeaderShowingTheExpectedAndTheFoundHeader(string[] cells, string shown)
    {
        // Act
        var columns = HeaderRule.Match(cells, out var problem);

        // Assert
        Assert.Null(columns);
        Assert.NotNull(problem);
        Assert.Equal(DiagnosticCode.HeaderMismatch, problem.Code);
        Assert.Equal(Severity.Error, problem.Severity);
        Assert.Equal(0, problem.RowNumber);
        Assert.Equal("", problem.Column);
        Assert.Contains(ExpectedHeader, problem.Message, StringComparison.Ordinal);
        Assert.Contains($"the file's header is \"{shown}\"", problem.Message, StringComparison.Ordinal);
        Assert.Equal(shown, problem.Value);
    }

    [Fact]
    public void ShowsTheFoundHeaderTrimmedAndWithoutTrailingBlankCells()
    {
        // Act
        HeaderRule.Match(["  Mail ", "First name", "Last name", "", " "], out var problem);

        // Assert
        Assert.NotNull(problem);
        Assert.Contains("\"Mail, First name, Last name\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TellsTheAdminToFixTheHeaderRow()
    {
        // Act
        HeaderRule.Match(["Name", "Email"], out var problem);

        // Assert
        Assert.NotNull(problem);
        Assert.Contains("Fix the header row", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheFirstTenCellsOfAVeryWideHeaderAndHowManyItHas()
    {
        // Arrange
        var cells = Enumerable.Range(1, 100).Select(i => $"Column {i}").ToArray();

        // Act
        HeaderRule.Match(cells, out var problem);

        // Assert
        Assert.NotNull(problem);
        Assert.Equal("Column 1, Column 2, Column 3, Column 4, Column 5, Column 6, Column 7, Column 8, Column 9, Column 10, ... (100 cells)", problem.Value);
        Assert.Contains("\"Column 1, Column 2, ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheStartOfAHugeHeaderCellAndKeepsTheMessageShort()
    {
        // Arrange: a crafted header row with a 1 MB cell and a cell 16,383 columns to the right (XFD1).
        var cells = new string[16_384];
        Array.Fill(cells, "");
        cells[0] = new string('E', 1_000_000);
        cells[^1] = "x";

        // Act
        HeaderRule.Match(cells, out var problem);

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(DiagnosticCode.HeaderMismatch, problem.Code);
        Assert.StartsWith(new string('E', 50) + "..., (blank), ", problem.Value, StringComparison.Ordinal);
        Assert.True(problem.Message.Length < 600, $"The message has {problem.Message.Length} characters.");
        Assert.Contains("(16384 cells)", problem.Message, StringComparison.Ordinal);
    }
}
