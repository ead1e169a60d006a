using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Checking;

public class UserFileCheckerTests
{
    private static readonly string[] Header = ["Email", "First name", "Last name"];
    private static readonly string[] HeaderWithDescription = ["Email", "First name", "Last name", "Description"];
    private static readonly string[] Blank = ["", " ", "\u00A0"];

    private readonly InMemoryCheckSink _sink = new();

    [Fact]
    public void AcceptsAFileOfValidRows()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            HeaderWithDescription,
            ["ann@example.com", "Ann", "Lee", "Sales"],
            ["bob@example.com", "Bob", "Ray"],
            ["cy@example.com", "Cy", "Ng", ""]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.False(result.IsRejected);
        Assert.Empty(result.FileDiagnostics);
        Assert.Equal((3, 3, 0), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Empty(_sink.Diagnostics);
        Assert.Equal(
            [
                new StagedUser(2, "ann@example.com", "ann@example.com", "Ann", "Lee", "Sales", true),
                new StagedUser(3, "bob@example.com", "bob@example.com", "Bob", "Ray", null, true),
                new StagedUser(4, "cy@example.com", "cy@example.com", "Cy", "Ng", null, true),
            ],
            _sink.Staged);
    }

    [Fact]
    public void StagesEveryRowWithItsValuesWhateverItsVerdict()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            HeaderWithDescription,
            [" Ann@Example.com ", "Ann", "Lee", "Sales"],
            ["not-an-email", " Bob ", "Ray"],
            ["ann@example.com", "Ann", "Again", ""],
            ["cy@example.com", "", "Ng", "Night shift"]);

        // Act
        Check(sheet);

        // Assert
        Assert.Equal(
            [
                new StagedUser(2, "Ann@Example.com", "ann@example.com", "Ann", "Lee", "Sales", true),
                new StagedUser(3, "not-an-email", null, "Bob", "Ray", null, false),
                new StagedUser(4, "ann@example.com", "ann@example.com", "Ann", "Again", null, false),
                new StagedUser(5, "cy@example.com", "cy@example.com", "", "Ng", "Night shift", false),
            ],
            _sink.Rows);
    }

    [Fact]
    public void TakesTheFirstNonBlankRowAsTheHeader()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            [],
            Blank,
            ["\t", ""],
            Header,
            ["ann@example.com", "Ann", "Lee"]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.False(result.IsRejected);
        Assert.Equal(1, result.TotalRows);
        Assert.Equal(5, Assert.Single(_sink.Staged).RowNumber);
    }

    [Fact]
    public void SkipsBlankRowsWithoutCountingThemAndKeepsTheRowNumbers()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            Header,
            ["ann@example.com", "Ann", "Lee"],
            Blank,
            [],
            ["not-an-email", "Bob", "Ray"],
            ["", "", "", "", ""],
            ["cy@example.com", "Cy", "Ng"]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.Equal((3, 2, 1), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal([2, 7], _sink.Staged.Select(u => u.RowNumber));
        var diagnostic = Assert.Single(_sink.Diagnostics);
        Assert.Equal(5, diagnostic.RowNumber);
        Assert.Equal(DiagnosticCode.EmailInvalid, diagnostic.Code);
    }

    [Fact]
    public void RejectsASheetWithNoRowsAsEmpty()
    {
        // Act
        var result = Check(ListSheetReader.Of());

        // Assert
        AssertRejected(result, DiagnosticCode.FileEmpty, "empty");
    }

    [Fact]
    public void RejectsASheetOfBlankRowsAsEmpty()
    {
        // Act
        var result = Check(ListSheetReader.Of(Blank, [], ["", ""]));

        // Assert
        AssertRejected(result, DiagnosticCode.FileEmpty, "empty");
    }

    [Fact]
    public void RejectsAHeaderWithoutUserRows()
    {
        // Act
        var result = Check(ListSheetReader.Of(Header));

        // Assert
        AssertRejected(result, DiagnosticCode.NoUserRows, "no user rows");
    }

    [Fact]
    public void RejectsAHeaderFollowedOnlyByBlankRows()
    {
        // Act
        var result = Check(ListSheetReader.Of(Blank, HeaderWithDescription, Blank, [], Blank));

        // Assert
        AssertRejected(result, DiagnosticCode.NoUserRows, "no user rows");
    }

    [Fact]
    public void ReadsColumnsByNameInAnyOrderAndSaysHowEachWasMapped()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            [],
            ["Prénom", "Nom", "Service", "Courriel"],
            ["Ann", "Lee", "Sales", "ann@example.com"]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.False(result.IsRejected);
        Assert.Equal((1, 1, 0), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal(new StagedUser(3, "ann@example.com", "ann@example.com", "Ann", "Lee", null, true), Assert.Single(_sink.Staged));
        Assert.Equal(
            [
                new ColumnMapping(1, "Prénom", UserField.FirstName),
                new ColumnMapping(2, "Nom", UserField.LastName),
                new ColumnMapping(3, "Service", null),
                new ColumnMapping(4, "Courriel", UserField.Email),
            ],
            result.Columns);
    }

    [Fact]
    public void WarnsAboutColumnsNotImportedInTheResultAndTheSinkWithoutRejectingTheFile()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            ["Email", "First name", "Last name", "Description", "Department"],
            ["ann@example.com", "Ann", "Lee", "", "Sales"],
            ["not-an-email", "Bob", "Ray", "", "Support"]);

        // Act
        var result = Check(sheet, batchSize: 1);

        // Assert
        Assert.False(result.IsRejected);
        Assert.Equal((2, 1, 1), (result.TotalRows, result.ValidRows, result.InvalidRows));
        var warning = Assert.Single(result.FileDiagnostics);
        Assert.Equal((0, DiagnosticCode.ColumnsNotImported, Severity.Warning), (warning.RowNumber, warning.Code, warning.Severity));
        Assert.StartsWith("Department (E) is not imported", warning.Message, StringComparison.Ordinal);
        Assert.Equal([(0, DiagnosticCode.ColumnsNotImported), (3, DiagnosticCode.EmailInvalid)], _sink.Diagnostics.Select(d => (d.RowNumber, d.Code)));
    }

    [Fact]
    public void KeepsTheHeadersWarningAndMappingWhenTheFileIsRejectedLater()
    {
        // Act
        var result = Check(ListSheetReader.Of(["Email", "First name", "Last name", "Phone"]));

        // Assert
        Assert.True(result.IsRejected);
        Assert.Equal([DiagnosticCode.ColumnsNotImported, DiagnosticCode.NoUserRows], result.FileDiagnostics.Select(d => d.Code));
        Assert.Equal(4, result.Columns.Count);
    }

    [Fact]
    public void RejectsAHeaderWithoutARequiredColumnShowingTheHeaderFound()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            [],
            ["First name", "Emial", "Department"],
            ["Ann", "ann@example.com", "Sales"]);

        // Act
        var result = Check(sheet);

        // Assert
        var diagnostic = AssertRejected(result, DiagnosticCode.HeaderMismatch, "the file's header is \"First name, Emial, Department\"");
        Assert.Contains("no Email or Last name column", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("Found \"Emial\": did you mean Email?", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Columns.Count);
    }

    [Fact]
    public void ChecksARowWithValuesOnlyInAColumnThatIsNotImported()
    {
        // Act
        var result = Check(ListSheetReader.Of(["Email", "First name", "Last name", "Team"], ["", "", "", "Sales"], ["ann@example.com", "Ann", "Lee", ""]));

        // Assert
        Assert.Equal((2, 1, 1), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal(
            [(0, DiagnosticCode.ColumnsNotImported), (2, DiagnosticCode.EmailMissing), (2, DiagnosticCode.FirstNameMissing), (2, DiagnosticCode.LastNameMissing)],
            _sink.Diagnostics.Select(d => (d.RowNumber, d.Code)));
    }

    [Fact]
    public void RejectsAHeaderNamingAColumnTwice()
    {
        // Act
        var result = Check(ListSheetReader.Of(["Email", "First name", "Surname", "Last name"], ["ann@example.com", "Ann", "Lee", "Lee"]));

        // Assert
        AssertRejected(result, DiagnosticCode.DuplicateColumn, "Columns C and D are both Last name");
    }

    [Fact]
    public void RejectsAFileWhoseFirstNonBlankRowIsAUser()
    {
        // Act
        var result = Check(ListSheetReader.Of(Blank, ["ann@example.com", "Ann", "Lee"], Header));

        // Assert
        AssertRejected(result, DiagnosticCode.HeaderRowMissing, "cell A2 holds the address \"ann@example.com\"");
        Assert.Empty(result.Columns);
    }

    [Fact]
    public void AcceptsExactlyTheMaximumNumberOfRows()
    {
        // Arrange
        var sheet = Sheet(Header, Users(3));

        // Act
        var result = new UserFileChecker(maxRows: 3, batchSize: 2).Check(sheet, _sink, TestContext.Current.CancellationToken);

        // Assert
        Assert.False(result.IsRejected);
        Assert.Equal(3, result.TotalRows);
    }

    [Fact]
    public void RejectsMoreThanTheMaximumNumberOfRows()
    {
        // Arrange
        var sheet = Sheet(Header, Users(4));

        // Act
        var result = new UserFileChecker(maxRows: 3, batchSize: 2).Check(sheet, _sink, TestContext.Current.CancellationToken);

        // Assert
        var diagnostic = AssertRejected(result, DiagnosticCode.TooManyRows, "more than 3 user rows", sinkUntouched: false);
        Assert.Contains("Split it", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotCountBlankRowsTowardsTheMaximum()
    {
        // Arrange
        var rows = new List<string[]> { Header };
        foreach (var user in Users(3))
        {
            rows.Add(Blank);
            rows.Add(user);
        }

        // Act
        var result = new UserFileChecker(maxRows: 3).Check(new ListSheetReader(rows), _sink, TestContext.Current.CancellationToken);

        // Assert
        Assert.False(result.IsRejected);
        Assert.Equal(3, result.TotalRows);
        Assert.Equal([3, 5, 7], _sink.Staged.Select(u => u.RowNumber));
    }

    [Fact]
    public void ReportsALaterRowWithTheSameAddressAsADuplicateOfTheFirst()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            Header,
            ["ann@example.com", "Ann", "Lee"],
            ["bob@example.com", "Bob", "Ray"],
            [" Ann@Example.COM ", "Annie", "Lee"]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.Equal((3, 2, 1), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal([2, 3], _sink.Staged.Select(u => u.RowNumber));
        Assert.All(_sink.Staged, u => Assert.True(u.IsValid));
        var duplicate = Assert.Single(_sink.Diagnostics);
        AssertDuplicateOf(duplicate, row: 4, firstRow: 2);
        Assert.Equal(" Ann@Example.COM ", duplicate.Value);
    }

    [Fact]
    public void ReportsADuplicateInALaterBatch()
    {
        // Arrange: batches of two are rows 2-3, 4-5 and 6.
        var sheet = ListSheetReader.Of(
            Header,
            ["ann@example.com", "Ann", "Lee"],
            ["bob@example.com", "Bob", "Ray"],
            ["cy@example.com", "Cy", "Ng"],
            ["BOB@example.com", "Bob", "Ray"],
            ["ann@EXAMPLE.com", "Ann", "Lee"]);

        // Act
        var result = Check(sheet, batchSize: 2);

        // Assert
        Assert.Equal((5, 3, 2), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal([2, 3, 4], _sink.Staged.Select(u => u.RowNumber));
        Assert.Equal([2, 2, 1], _sink.StageBatches);
        Assert.Collection(
            _sink.Diagnostics,
            d => AssertDuplicateOf(d, row: 5, firstRow: 3),
            d => AssertDuplicateOf(d, row: 6, firstRow: 2));
    }

    [Fact]
    public void ReportsADuplicateWithinOneBatchOfSeveral()
    {
        // Arrange: rows 4 and 5 share a batch of two; row 2 is in the batch before.
        var sheet = ListSheetReader.Of(
            Header,
            ["ann@example.com", "Ann", "Lee"],
            ["bob@example.com", "Bob", "Ray"],
            ["cy@example.com", "Cy", "Ng"],
            ["cy@example.com", "Cy", "Ng"]);

        // Act
        var result = Check(sheet, batchSize: 2);

        // Assert
        Assert.Equal((4, 3, 1), (result.TotalRows, result.ValidRows, result.InvalidRows));
        AssertDuplicateOf(Assert.Single(_sink.Diagnostics), row: 5, firstRow: 4);
    }

    [Fact]
    public void NamesTheFirstRowForEveryLaterOccurrence()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            Header,
            ["ann@example.com", "Ann", "Lee"],
            ["ann@example.com", "Ann", "Lee"],
            Blank,
            ["ann@example.com", "Ann", "Lee"],
            ["ANN@example.com", "Ann", "Lee"]);

        // Act
        var result = Check(sheet, batchSize: 2);

        // Assert
        Assert.Equal((4, 1, 3), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal(2, Assert.Single(_sink.Staged).RowNumber);
        Assert.Collection(
            _sink.Diagnostics,
            d => AssertDuplicateOf(d, row: 3, firstRow: 2),
            d => AssertDuplicateOf(d, row: 5, firstRow: 2),
            d => AssertDuplicateOf(d, row: 6, firstRow: 2));
    }

    [Fact]
    public void ComparesAnInternationalizedDomainInPunycode()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            Header,
            ["user@münchen.de", "Ann", "Lee"],
            ["USER@xn--mnchen-3ya.de", "Ann", "Lee"]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.Equal((2, 1, 1), (result.TotalRows, result.ValidRows, result.InvalidRows));
        var first = Assert.Single(_sink.Staged);
        Assert.Equal("user@xn--mnchen-3ya.de", first.NormalizedEmail);
        AssertDuplicateOf(Assert.Single(_sink.Diagnostics), row: 3, firstRow: 2);
    }

    [Fact]
    public void DoesNotTakeDifferentAddressesForDuplicates()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            Header,
            ["ann@example.com", "Ann", "Lee"],
            ["ann+work@example.com", "Ann", "Lee"],
            ["ann@example.org", "Ann", "Lee"],
            ["ann.lee@example.com", "Ann", "Lee"]);

        // Act
        var result = Check(sheet, batchSize: 2);

        // Assert
        Assert.Equal((4, 4, 0), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Empty(_sink.Diagnostics);
    }

    [Fact]
    public void ReportsARepeatedInvalidAddressOnlyAsInvalid()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            Header,
            ["not-an-email", "Ann", "Lee"],
            ["not-an-email", "Ann", "Lee"]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.Equal((2, 0, 2), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal([DiagnosticCode.EmailInvalid, DiagnosticCode.EmailInvalid], _sink.Diagnostics.Select(d => d.Code));
        Assert.Empty(_sink.Staged);
    }

    [Fact]
    public void ReportsALaterRowAsADuplicateEvenWhenTheFirstOccurrenceHasAnotherError()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            Header,
            ["ann@example.com", "", "Lee"],
            ["bob@example.com", "Bob", "Ray"],
            ["ann@example.com", "Ann", "Lee"]);

        // Act
        var result = Check(sheet, batchSize: 2);

        // Assert
        Assert.Equal((3, 1, 2), (result.TotalRows, result.ValidRows, result.InvalidRows));
        var first = _sink.Staged[0];
        Assert.Equal((2, false), (first.RowNumber, first.IsValid));
        Assert.Equal(DiagnosticCode.FirstNameMissing, _sink.Diagnostics[0].Code);
        AssertDuplicateOf(_sink.Diagnostics[1], row: 4, firstRow: 2);
    }

    [Fact]
    public void PutsTheDuplicateAmongTheEmailDiagnosticsOfItsRow()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            Header,
            ["jürgen@example.de", "Jürgen", "Groß"],
            ["+x@example.com", "X", "Y"],
            ["JÜRGEN@example.de", "", "=Groß", "extra"]);

        // Act
        var result = Check(sheet, batchSize: 2);

        // Assert
        Assert.Equal((3, 2, 1), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal(
            [
                (2, DiagnosticCode.EmailNonAscii),
                (3, DiagnosticCode.FormulaPrefix),
                (4, DiagnosticCode.EmailNonAscii),
                (4, DiagnosticCode.DuplicateEmail),
                (4, DiagnosticCode.FirstNameMissing),
                (4, DiagnosticCode.FormulaPrefix),
                (4, DiagnosticCode.ExtraFields),
            ],
            _sink.Diagnostics.Select(d => (d.RowNumber, d.Code)));
    }

    [Fact]
    public void CountsRowsWithOnlyWarningsAsValid()
    {
        // Arrange
        var sheet = ListSheetReader.Of(
            HeaderWithDescription,
            ["jürgen@example.de", "=Jürgen", "Groß", "- lead"],
            ["ann@example.com", "Ann", "", ""],
            ["", "Bob", "Ray", ""],
            ["cy@example.com", "Cy", "Ng", "ok", "extra"]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.False(result.IsRejected);
        Assert.Equal((4, 1, 3), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal([(2, true), (3, false), (5, false)], _sink.Staged.Select(u => (u.RowNumber, u.IsValid)));
        Assert.Equal(
            [
                (2, DiagnosticCode.EmailNonAscii),
                (2, DiagnosticCode.FormulaPrefix),
                (2, DiagnosticCode.FormulaPrefix),
                (3, DiagnosticCode.LastNameMissing),
                (4, DiagnosticCode.EmailMissing),
                (5, DiagnosticCode.ExtraFields),
            ],
            _sink.Diagnostics.Select(d => (d.RowNumber, d.Code)));
    }

    [Fact]
    public void KeepsRowErrorsFromRejectingTheFile()
    {
        // Arrange
        var sheet = ListSheetReader.Of(Header, ["not-an-email", "", ""]);

        // Act
        var result = Check(sheet);

        // Assert
        Assert.False(result.IsRejected);
        Assert.Equal((1, 0, 1), (result.TotalRows, result.ValidRows, result.InvalidRows));
        Assert.Equal(3, _sink.Diagnostics.Count);
    }

    [Fact]
    public void WritesEveryRowOnceWhateverTheBatchSize()
    {
        // Arrange
        var users = Users(7).ToList();
        users[3] = ["bad", "X", "Y"];

        // Act
        var results = new[] { 1, 2, 3, 7, 1000 }.Select(size =>
        {
            var sink = new InMemoryCheckSink();
            var result = new UserFileChecker(maxRows: 100, batchSize: size).Check(Sheet(Header, users), sink, TestContext.Current.CancellationToken);
            return (result.TotalRows, result.ValidRows, result.InvalidRows, Rows: sink.Rows.Count, Staged: sink.Staged.Count, Diagnostics: sink.Diagnostics.Count, Largest: sink.StageBatches.Max());
        }).ToList();

        // Assert
        Assert.Equal((7, 6, 1, 7, 6, 1, 1), results[0]);
        Assert.Equal((7, 6, 1, 7, 6, 1, 2), results[1]);
        Assert.Equal((7, 6, 1, 7, 6, 1, 3), results[2]);
        Assert.Equal((7, 6, 1, 7, 6, 1, 7), results[3]);
        Assert.Equal((7, 6, 1, 7, 6, 1, 7), results[4]);
    }

    [Fact]
    public void RejectsAFileThatCannotBeReadToTheEnd()
    {
        // Arrange
        var failure = new UnreadableFileException(DiagnosticCode.FileUnreadable, "The workbook is damaged after row 3.");
        var sheet = new ListSheetReader([Header, ["ann@example.com", "Ann", "Lee"]], failure);

        // Act
        var result = Check(sheet);

        // Assert
        AssertRejected(result, DiagnosticCode.FileUnreadable, "damaged after row 3", sinkUntouched: true);
    }

    [Fact]
    public void StopsWhenCancelled()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var checker = new UserFileChecker(maxRows: 100, batchSize: 2);

        // Act and assert
        Assert.ThrowsAny<OperationCanceledException>(() => checker.Check(Sheet(Header, Users(5)), _sink, cancellation.Token));
    }

    private CheckResult Check(ISheetReader sheet, int batchSize = 1000) =>
        new UserFileChecker(maxRows: 100, batchSize).Check(sheet, _sink, TestContext.Current.CancellationToken);

    private Diagnostic AssertRejected(CheckResult result, DiagnosticCode code, string mentions, bool sinkUntouched = true)
    {
        Assert.True(result.IsRejected);
        var diagnostic = Assert.Single(result.FileDiagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(0, diagnostic.RowNumber);
        Assert.Equal("", diagnostic.Column);
        Assert.Contains(mentions, diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (result.TotalRows, result.ValidRows, result.InvalidRows));
        if (sinkUntouched)
        {
            Assert.Empty(_sink.Staged);
            Assert.Empty(_sink.Diagnostics);
        }

        return diagnostic;
    }

    private static void AssertDuplicateOf(Diagnostic diagnostic, int row, int firstRow)
    {
        Assert.Equal(row, diagnostic.RowNumber);
        Assert.Equal(DiagnosticCode.DuplicateEmail, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(UserColumns.Email, diagnostic.Column);
        Assert.Contains($"row {firstRow};", diagnostic.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string[]> Users(int count) =>
        Enumerable.Range(1, count).Select(i => new[] { $"user{i}@example.com", $"First{i}", $"Last{i}" });

    private static ListSheetReader Sheet(string[] header, IEnumerable<string[]> users) => new([header, .. users]);
}
