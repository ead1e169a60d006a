using BulkInvite.Core.Checking;
using BulkInvite.Core.Tests.Hostile;

namespace BulkInvite.Core.Tests.Checking;

/// <summary>
/// Rules 2 and 4 end to end on real files (Fixtures/README.md says what wrote each): detected, read
/// and checked through <see cref="UserFileChecker"/> as the server's check does. Each file holds the
/// team fixtures' users, whose row with "not-an-email" is the one invalid row.
/// </summary>
public class ColumnFixtureTests
{
    [Fact]
    public void ImportsTheIssuesHeaderWithADepartmentColumnAndWarnsThatDepartmentIsNotImported()
    {
        // Act
        var outcome = HostileCheck.RunFixture("columns_extra.xlsx");

        // Assert
        Assert.Equal((5, 4, 1), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.False(outcome.Result.IsRejected);
        var warning = Assert.Single(outcome.Result.FileDiagnostics);
        Assert.Equal((DiagnosticCode.ColumnsNotImported, Severity.Warning), (warning.Code, warning.Severity));
        Assert.StartsWith("Department (E) is not imported", warning.Message, StringComparison.Ordinal);
        Assert.Equal(
            [
                new ColumnMapping(1, "Email", UserField.Email),
                new ColumnMapping(2, "First name", UserField.FirstName),
                new ColumnMapping(3, "Last name", UserField.LastName),
                new ColumnMapping(4, "Description", UserField.Description),
                new ColumnMapping(5, "Department", null),
            ],
            outcome.Result.Columns);
        Assert.Equal(["0  ColumnsNotImported", "4 Email EmailInvalid"], Describe(outcome.RowDiagnostics));
        Assert.Equal(new StagedUser(2, "ines.garcia@example.es", "ines.garcia@example.es", "Inès", "García", "Reviewer, Madrid", true), outcome.Staged[0]);
    }

    [Theory]
    [InlineData("columns_reordered.xlsx")]
    [InlineData("columns_reordered.xls")]
    public void ImportsColumnsInAnotherOrderFromLibreOfficeWorkbooks(string fixture)
    {
        // Act
        var outcome = HostileCheck.RunFixture(fixture);

        // Assert
        Assert.Empty(outcome.Result.FileDiagnostics);
        Assert.Equal((5, 4, 1), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.Equal([UserField.FirstName, UserField.LastName, UserField.Email], outcome.Result.Columns.Select(c => c.Field!.Value));
        var invalid = Assert.Single(outcome.RowDiagnostics);
        Assert.Equal((4, UserColumns.Email, DiagnosticCode.EmailInvalid, "not-an-email"), (invalid.RowNumber, invalid.Column, invalid.Code, invalid.Value));
        Assert.Equal(
            [(2, "ines.garcia@example.es", "Inès", "García"), (3, "bjorn.olsen@example.no", "Bjørn", "Olsen"), (5, "akira.tanaka@example.jp", "明", "田中"), (6, "marie.curie@example.fr", "Marie", "Curie")],
            outcome.Staged.Select(u => (u.RowNumber, u.Email, u.FirstName, u.LastName)));
    }

    [Fact]
    public void ImportsAFrenchHeaderFromExcelsFrenchSemicolonCsv()
    {
        // Act
        var outcome = HostileCheck.RunFixture("columns_french_excel_semicolon.csv");

        // Assert
        Assert.Empty(outcome.Result.FileDiagnostics);
        Assert.Equal(
            [new ColumnMapping(1, "Courriel", UserField.Email), new ColumnMapping(2, "Prénom", UserField.FirstName), new ColumnMapping(3, "Nom", UserField.LastName)],
            outcome.Result.Columns);
        Assert.Equal((5, 4, 1), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.Equal(["4 Email EmailInvalid"], Describe(outcome.RowDiagnostics));
        Assert.Equal("Inès", outcome.Staged[0].FirstName);
    }

    [Fact]
    public void HonoursTheSepLineAndNumbersTheRowsAsExcelShowsThem()
    {
        // Act
        var outcome = HostileCheck.RunFixture("sep_semicolon.csv");

        // Assert: the sep= line is not a row, so the header is row 1 and the bad address row 4.
        Assert.Empty(outcome.Result.FileDiagnostics);
        Assert.Equal(4, outcome.Result.Columns.Count);
        Assert.Equal((5, 4, 1), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.Equal(["4 Email EmailInvalid"], Describe(outcome.RowDiagnostics));
        Assert.Equal([2, 3, 5, 6], outcome.Staged.Select(u => u.RowNumber));
        Assert.Equal("Reviewer, Madrid", outcome.Staged[0].Description);
    }

    [Fact]
    public void SaysTheHeaderRowSeemsMissingInAWorkbookThatStartsWithAUser()
    {
        // Act
        var outcome = HostileCheck.RunFixture("no_header.xlsx");

        // Assert
        Assert.True(outcome.Result.IsRejected);
        var error = outcome.FileDiagnostic;
        Assert.Equal(DiagnosticCode.HeaderRowMissing, error.Code);
        Assert.Contains("cell A1 holds the address \"user.kowalski@example.com\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Staged);
    }

    [Fact]
    public void SuggestsEmailForAMisspelledHeader()
    {
        // Act
        var outcome = HostileCheck.RunFixture("misspelled_header.xlsx");

        // Assert
        Assert.True(outcome.Result.IsRejected);
        var error = outcome.FileDiagnostic;
        Assert.Equal(DiagnosticCode.HeaderMismatch, error.Code);
        Assert.Contains("The header has no Email column.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Found \"Emial\": did you mean Email?", error.Message, StringComparison.Ordinal);
        Assert.Equal([null, UserField.FirstName, UserField.LastName], outcome.Result.Columns.Select(c => c.Field));
    }

    [Fact]
    public void ReadsAnExcelWrittenWorkbookWhoseHeaderStartsInColumnBOnRow3()
    {
        // Act
        var outcome = HostileCheck.RunFixture("excel_mac_reordered.xlsx");

        // Assert
        Assert.Empty(outcome.Result.FileDiagnostics);
        Assert.Equal(
            [
                new ColumnMapping(1, "", null),
                new ColumnMapping(2, "First name", UserField.FirstName),
                new ColumnMapping(3, "Last name", UserField.LastName),
                new ColumnMapping(4, "E-mail", UserField.Email),
            ],
            outcome.Result.Columns);
        Assert.Equal((3, 2, 1), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.Equal(["5 Email EmailInvalid"], Describe(outcome.RowDiagnostics));
        Assert.Equal([(4, "Inès", "García"), (6, "Marie", "Curie")], outcome.Staged.Select(u => (u.RowNumber, u.FirstName, u.LastName)));
    }

    [Fact]
    public void ReadsACsvInGoogleSheetsDialectWithAliasesAndAPhoneColumn()
    {
        // Act
        var outcome = HostileCheck.RunFixture("columns_google_sheets_dialect.csv");

        // Assert
        Assert.False(outcome.Result.IsRejected);
        Assert.StartsWith("Phone (E) is not imported", Assert.Single(outcome.Result.FileDiagnostics).Message, StringComparison.Ordinal);
        Assert.Equal([UserField.FirstName, UserField.LastName, UserField.Email, UserField.Description, (UserField?)null], outcome.Result.Columns.Select(c => c.Field));
        Assert.Equal((5, 4, 1), (outcome.Result.TotalRows, outcome.Result.ValidRows, outcome.Result.InvalidRows));
        Assert.Equal("Équipe « vision »", outcome.Staged[^1].Description);
    }

    private static List<string> Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.RowNumber} {d.Column} {d.Code}")];
}
