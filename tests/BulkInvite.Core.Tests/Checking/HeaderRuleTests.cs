using System.Text.Json;
using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

public class HeaderRuleTests
{
    [Theory]
    [InlineData("Email", "First name", "Last name")]
    [InlineData("email", "first_name", "last_name")]
    [InlineData("EMAIL", "FIRST NAME", "LAST NAME")]
    [InlineData("Email", "FirstName", "LastName")]
    [InlineData("E-mail", "first-name", "Last.Name")]
    [InlineData(" Email ", "\u00A0First name\u00A0", "Last  name")]
    [InlineData("eMaIl", "fIRST nAME", "last name:")]
    [InlineData("Email*", "First_Name", "Last\u2013name")]
    public void AcceptsTheThreeRequiredColumnsHoweverTheyAreWritten(string email, string firstName, string lastName)
    {
        // Act
        var match = HeaderRule.Match([email, firstName, lastName], 1);

        // Assert
        Assert.Empty(match.Diagnostics);
        Assert.NotNull(match.Layout);
        Assert.Equal([0, 1, 2, -1], UserColumns.Fields.Select(match.Layout.IndexOf));
    }

    [Theory]
    [InlineData(new[] { "First name", "Last name", "Email" }, 2, 0, 1, -1)]
    [InlineData(new[] { "Last name", "Email", "Description", "First name" }, 1, 3, 0, 2)]
    [InlineData(new[] { "Description", "First name", "Email", "Last name" }, 2, 1, 3, 0)]
    [InlineData(new[] { "Email", "First name", "Last name", "Description" }, 0, 1, 2, 3)]
    public void FindsTheColumnsByNameInAnyOrder(string[] header, int email, int firstName, int lastName, int description)
    {
        // Act
        var match = HeaderRule.Match(header, 1);

        // Assert
        Assert.Empty(match.Diagnostics);
        Assert.NotNull(match.Layout);
        Assert.Equal([email, firstName, lastName, description], UserColumns.Fields.Select(match.Layout.IndexOf));
    }

    [Theory]
    [InlineData("Email", UserField.Email)]
    [InlineData("E-mail", UserField.Email)]
    [InlineData("Email address", UserField.Email)]
    [InlineData("Mail", UserField.Email)]
    [InlineData("Courriel", UserField.Email)]
    [InlineData("Adresse e-mail", UserField.Email)]
    [InlineData("E-Mail-Adresse", UserField.Email)]
    [InlineData("Correo electrónico", UserField.Email)]
    [InlineData("First name", UserField.FirstName)]
    [InlineData("Given name", UserField.FirstName)]
    [InlineData("Forename", UserField.FirstName)]
    [InlineData("Prénom", UserField.FirstName)]
    [InlineData("Vorname", UserField.FirstName)]
    [InlineData("Nombre", UserField.FirstName)]
    [InlineData("Last name", UserField.LastName)]
    [InlineData("Surname", UserField.LastName)]
    [InlineData("Family name", UserField.LastName)]
    [InlineData("Nom", UserField.LastName)]
    [InlineData("Nachname", UserField.LastName)]
    [InlineData("Apellidos", UserField.LastName)]
    [InlineData("Description", UserField.Description)]
    [InlineData("Notes", UserField.Description)]
    [InlineData("Comment", UserField.Description)]
    [InlineData("Info", UserField.Description)]
    public void KnowsTheAliasesTheImportRulesList(string alias, UserField field)
    {
        // Act
        var found = HeaderNames.FieldOf(alias);

        // Assert
        Assert.Equal(field, found);
    }

    [Theory]
    [InlineData("Prenom", UserField.FirstName)]
    [InlineData("PRÉNOM", UserField.FirstName)]
    [InlineData("Pre\u0301nom", UserField.FirstName)]
    [InlineData("Correo electronico", UserField.Email)]
    [InlineData("CORREO ELECTRÓNICO", UserField.Email)]
    [InlineData("Descripcion", UserField.Description)]
    [InlineData("Ｅｍａｉｌ", UserField.Email)]
    [InlineData("e\u00ADmail", UserField.Email)]
    [InlineData("E_MAIL_ADRESSE", UserField.Email)]
    public void MatchesNamesWithOrWithoutAccentsAndInAnyWidthOrCase(string header, UserField field)
    {
        // Act
        var found = HeaderNames.FieldOf(header);

        // Assert
        Assert.Equal(field, found);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Full name")]
    [InlineData("Email 2")]
    [InlineData("Department")]
    [InlineData("Emial")]
    [InlineData("")]
    public void NamesNoFieldWithAnythingElse(string header)
    {
        // Act
        var found = HeaderNames.FieldOf(header);

        // Assert
        Assert.Null(found);
    }

    [Fact]
    public void GivesNoAliasToTwoFields()
    {
        // Arrange
        var keys = HeaderNames.Aliases.SelectMany(pair => pair.Value.Select(alias => (Key: HeaderNames.Key(alias), pair.Key)));

        // Act
        var shared = keys.GroupBy(k => k.Key).Where(g => g.Select(k => k.Item2).Distinct().Count() > 1).Select(g => g.Key).ToList();

        // Assert
        Assert.Empty(shared);
        Assert.All(HeaderNames.Aliases, pair => Assert.Equal(UserColumns.NameOf(pair.Key), pair.Value[0]));
    }

    [Fact]
    public void MapsEveryColumnUpToTheLastHeaderCellWithItsPositionHeaderAndField()
    {
        // Act
        var match = HeaderRule.Match(["  Given name ", "", "Department", "E-mail", "Nom", "Notes", " ", ""], 3);

        // Assert
        Assert.Equal(
            [
                new ColumnMapping(1, "Given name", UserField.FirstName),
                new ColumnMapping(2, "", null),
                new ColumnMapping(3, "Department", null),
                new ColumnMapping(4, "E-mail", UserField.Email),
                new ColumnMapping(5, "Nom", UserField.LastName),
                new ColumnMapping(6, "Notes", UserField.Description),
            ],
            match.Columns);
        Assert.Equal(["A", "B", "C", "D", "E", "F"], match.Columns.Select(c => c.Letter));
        Assert.NotNull(match.Layout);
        Assert.Same(match.Columns, match.Layout.Columns);
    }

    [Fact]
    public void KeepsAColumnMappingSmallAndSerializable()
    {
        // Arrange
        IReadOnlyList<ColumnMapping> columns = [new(1, "Courriel", UserField.Email), new(2, "Service", null)];

        // Act
        var json = JsonSerializer.Serialize(columns);
        var back = JsonSerializer.Deserialize<List<ColumnMapping>>(json);

        // Assert
        Assert.Equal("""[{"Position":1,"Header":"Courriel","Field":1},{"Position":2,"Header":"Service","Field":null}]""", json);
        Assert.Equal(columns, back);
    }

    [Fact]
    public void CutsAVeryLongHeaderInTheMapping()
    {
        // Arrange
        var longHeader = "  " + new string('h', 99) + "\U0001F600" + new string('x', 1_000_000);

        // Act
        var match = HeaderRule.Match(["Email", "First name", "Last name", longHeader], 1);

        // Assert
        Assert.Equal(new string('h', 99), match.Columns[3].Header);
    }

    [Fact]
    public void WarnsOnceNamingTheColumnsThatAreNotImported()
    {
        // Act
        var match = HeaderRule.Match(["Email", "First name", "Last name", "Description", "Department", "Phone"], 1);

        // Assert
        Assert.NotNull(match.Layout);
        var warning = Assert.Single(match.Diagnostics);
        Assert.Equal((0, "", DiagnosticCode.ColumnsNotImported, Severity.Warning), (warning.RowNumber, warning.Column, warning.Code, warning.Severity));
        Assert.StartsWith("Department (E) and Phone (F) are not imported: only Email, First name, Last name and Description are.", warning.Message, StringComparison.Ordinal);
        Assert.Equal("Department, Phone", warning.Value);
    }

    [Fact]
    public void SaysOneColumnIsNotImported()
    {
        // Act
        var match = HeaderRule.Match(["Department", "Email", "First name", "Last name"], 1);

        // Assert
        Assert.StartsWith("Department (A) is not imported:", Assert.Single(match.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsTheFirstTenColumnsNotImportedAndHowManyMore()
    {
        // Arrange
        var header = new[] { "Email", "First name", "Last name" }.Concat(Enumerable.Range(1, 25).Select(i => $"Extra {i}")).ToArray();

        // Act
        var match = HeaderRule.Match(header, 1);

        // Assert
        var warning = Assert.Single(match.Diagnostics);
        Assert.StartsWith("Extra 1 (D), Extra 2 (E), ", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Extra 10 (M) and 15 more columns are not imported", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HintsAtANotImportedColumnThatLooksLikeDescription()
    {
        // Act
        var match = HeaderRule.Match(["Email", "First name", "Last name", "Descripton"], 1);

        // Assert
        var warning = Assert.Single(match.Diagnostics);
        Assert.Equal(DiagnosticCode.ColumnsNotImported, warning.Code);
        Assert.Contains("\"Descripton\" looks like Description.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotWarnAboutBlankHeaderCells()
    {
        // Act
        var match = HeaderRule.Match(["", "Email", " ", "First name", "Last name", "", "\t"], 1);

        // Assert
        Assert.Empty(match.Diagnostics);
        Assert.NotNull(match.Layout);
    }

    [Fact]
    public void RejectsAColumnNamedTwiceNamingBothOccurrences()
    {
        // Act
        var match = HeaderRule.Match(["First name", "Last name", "E-mail", "Phone", "Team", "Email address"], 1);

        // Assert
        Assert.Null(match.Layout);
        var error = Assert.Single(match.Diagnostics);
        Assert.Equal((0, "", DiagnosticCode.DuplicateColumn, Severity.Error), (error.RowNumber, error.Column, error.Code, error.Severity));
        Assert.StartsWith("Columns C and F are both Email (\"E-mail\", \"Email address\")", error.Message, StringComparison.Ordinal);
        Assert.Equal("E-mail, Email address", error.Value);
        Assert.Equal(UserField.Email, match.Columns[5].Field);
    }

    [Fact]
    public void RejectsEveryFieldNamedMoreThanOnce()
    {
        // Act
        var match = HeaderRule.Match(["Email", "Mail", "Courriel", "First name", "Last name", "Notes", "Comment"], 1);

        // Assert
        Assert.Null(match.Layout);
        Assert.Collection(
            match.Diagnostics,
            d => Assert.StartsWith("Columns A, B and C are all Email", d.Message, StringComparison.Ordinal),
            d => Assert.StartsWith("Columns F and G are both Description", d.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "Email", "First name" }, "Last name", "Email, First name")]
    [InlineData(new[] { "Email" }, "First name or Last name", "Email")]
    [InlineData(new[] { "Name", "Email" }, "First name or Last name", "Name, Email")]
    [InlineData(new[] { "Department", "Phone" }, "Email, First name or Last name", "Department, Phone")]
    [InlineData(new[] { "Email", "", "First name", "Team" }, "Last name", "Email, (blank), First name, Team")]
    [InlineData(new[] { "Email 2", "First name", "Last name" }, "Email", "Email 2, First name, Last name")]
    public void RejectsAHeaderWithoutARequiredColumnNamingWhatWasExpectedAndFound(string[] cells, string missing, string shown)
    {
        // Act
        var match = HeaderRule.Match(cells, 1);

        // Assert
        Assert.Null(match.Layout);
        var error = Assert.Single(match.Diagnostics);
        Assert.Equal((0, "", DiagnosticCode.HeaderMismatch, Severity.Error), (error.RowNumber, error.Column, error.Code, error.Severity));
        Assert.StartsWith($"The header has no {missing} column. It needs Email, First name and Last name, in any order", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the file's header is \"{shown}\".", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Fix the header row and upload the file again.", error.Message, StringComparison.Ordinal);
        Assert.Equal(shown, error.Value);
    }

    [Theory]
    [InlineData(new[] { "Emial", "First name", "Last name" }, "Found \"Emial\": did you mean Email?")]
    [InlineData(new[] { "Email", "Frist name", "Last name" }, "Found \"Frist name\": did you mean First name?")]
    [InlineData(new[] { "Email", "Vorname", "Nachnahme" }, "Found \"Nachnahme\": did you mean Nachname (Last name)?")]
    [InlineData(new[] { "Couriel", "Prénom", "Nom" }, "Found \"Couriel\": did you mean Courriel (Email)?")]
    [InlineData(new[] { "Email", "Fist nme", "Lastname" }, "Found \"Fist nme\": did you mean First name?")]
    public void SuggestsTheClosestAliasOfAMissingColumn(string[] cells, string hint)
    {
        // Act
        var match = HeaderRule.Match(cells, 1);

        // Assert
        var error = Assert.Single(match.Diagnostics);
        Assert.Equal(DiagnosticCode.HeaderMismatch, error.Code);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("No")]
    [InlineData("Fiirrst naaame")]
    public void SuggestsNothingWhenNoAliasIsNear(string header)
    {
        // Act
        var match = HeaderRule.Match(["Email", header, "Last name"], 1);

        // Assert
        var error = Assert.Single(match.Diagnostics);
        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "user.kowalski@example.com", "陳", "Kowalski" }, "cell A1 holds the address \"user.kowalski@example.com\"")]
    [InlineData(new[] { "Ann", "Lee", " ann@example.com " }, "cell C1 holds the address \"ann@example.com\"")]
    [InlineData(new[] { "Ann", "Lee", "ann(at)example.com", "ann@example" }, "cell D1 holds what looks like an address, \"ann@example\"")]
    public void SaysTheHeaderRowSeemsMissingWhenTheFirstRowLooksLikeAUser(string[] cells, string mentions)
    {
        // Act
        var match = HeaderRule.Match(cells, 1);

        // Assert
        Assert.Null(match.Layout);
        Assert.Empty(match.Columns);
        var error = Assert.Single(match.Diagnostics);
        Assert.Equal((0, "", DiagnosticCode.HeaderRowMissing, Severity.Error), (error.RowNumber, error.Column, error.Code, error.Severity));
        Assert.StartsWith("The header row seems to be missing: the first row (row 1) looks like a user", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
        Assert.Contains("Insert a row above it that names each column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheRowTheHeaderWasLookedForOn()
    {
        // Act
        var match = HeaderRule.Match(["", "ann@example.com", "Ann", "Lee"], 4);

        // Assert
        Assert.Contains("the first row (row 4) looks like a user, since cell B4 holds", Assert.Single(match.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TakesAHeaderWithAnAtSignInANotImportedColumnAsAHeader()
    {
        // Act
        var match = HeaderRule.Match(["Email", "First name", "Last name", "Mail @ work"], 1);

        // Assert
        Assert.NotNull(match.Layout);
        Assert.Equal(DiagnosticCode.ColumnsNotImported, Assert.Single(match.Diagnostics).Code);
    }

    [Fact]
    public void ShowsTheFirstTenCellsOfAVeryWideHeaderAndHowManyItHas()
    {
        // Arrange
        var cells = Enumerable.Range(1, 100).Select(i => $"Column {i}").ToArray();

        // Act
        var match = HeaderRule.Match(cells, 1);

        // Assert
        var error = Assert.Single(match.Diagnostics);
        Assert.Equal("Column 1, Column 2, Column 3, Column 4, Column 5, Column 6, Column 7, Column 8, Column 9, Column 10, ... (100 cells)", error.Value);
        Assert.Contains("\"Column 1, Column 2, ", error.Message, StringComparison.Ordinal);
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
        var match = HeaderRule.Match(cells, 1);

        // Assert
        var error = Assert.Single(match.Diagnostics);
        Assert.Equal(DiagnosticCode.HeaderMismatch, error.Code);
        Assert.StartsWith(new string('E', 50) + "..., (blank), ", error.Value, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 600, $"The message has {error.Message.Length} characters.");
        Assert.Contains("(16384 cells)", error.Message, StringComparison.Ordinal);
        Assert.Equal(16_384, match.Columns.Count);
    }

    [Fact]
    public void RejectsAHeaderWiderThanASpreadsheet()
    {
        // Arrange
        var cells = new[] { "Email", "First name", "Last name" }.Concat(Enumerable.Repeat("x", HeaderRule.MaxColumns - 2)).ToArray();

        // Act
        var match = HeaderRule.Match(cells, 1);

        // Assert
        var error = Assert.Single(match.Diagnostics);
        Assert.Equal(DiagnosticCode.FileLimitExceeded, error.Code);
        Assert.Contains("16,385 columns, more than the 16,384", error.Message, StringComparison.Ordinal);
        Assert.Empty(match.Columns);
    }
}
