using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Hostile;

/// <summary>
/// The small files of Fixtures/Hostile (written by make_corpus.py, see its README), each checked as
/// the server checks an upload, with the errors it must give and the rows it must accept.
/// </summary>
public class HostileCorpusTests
{
    public static TheoryData<string, string[], int> Corpus => new()
    {
        // Encodings and line ends
        { "bom_quoted_header.csv", [], 1 },
        { "utf16_be.csv", [], 1 },
        { "only_bom.csv", ["file FileEmpty"], 0 },
        { "windows1252_names.csv", [], 3 },
        { "mixed_line_ends.csv", [], 3 },

        // CSV quoting and shape
        { "russell_hills.csv", ["3 Last name UnclosedQuote"], 2 },
        { "ragged_rows.csv", ["2 Last name LastNameMissing", "3 ExtraFields"], 1 },
        { "whitespace_rows.csv", [], 1 },
        { "duplicated_header.csv", ["2 Email EmailInvalid"], 1 },

        // Cells
        {
            "cells.csv",
            [
                "2 Email EmailInvalid", "3 Email EmailInvalid", "4 Email EmailInvalid", "5 Email EmailInvalid",
                "6 First name InvalidCharacters", "7 First name InvalidCharacters", "8 Description ValueTooLong",
            ],
            1
        },
        {
            "cells.xlsx",
            [
                "2 Email EmailMissing", "3 Email EmailInvalid", "4 Email EmailInvalid", "5 Email EmailInvalid",
                "6 First name InvalidCharacters", "7 First name InvalidCharacters", "8 Description ValueTooLong",
            ],
            2
        },

        // XLSX
        { "doctype_entities.xlsx", ["file FileLimitExceeded"], 0 },
        { "doctype_external_entity.xlsx", ["file FileLimitExceeded"], 0 },
        { "shared_string_index_negative.xlsx", ["file FileUnreadable"], 0 },
        { "shared_string_index_out_of_range.xlsx", ["file FileUnreadable"], 0 },
        { "col_min_not_a_number.xlsx", ["file FileUnreadable"], 0 },
        { "xfd1_then_last_row.xlsx", ["file FileLimitExceeded"], 0 },
        { "data_on_second_sheet.xlsx", ["file FileEmpty"], 0 },
        { "declared_size_smaller.xlsx", ["file FileUnreadable"], 0 },
        { "password_protected.xls", ["file FileUnreadable"], 0 },
        { "xlsb_workbook.xlsb", ["file UnsupportedFormat"], 0 },
        { "truncated.xlsx", ["file FileUnreadable"], 0 },
        { "xls_named.xlsx", ["4 Email EmailInvalid"], 4 },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void ChecksEachCorpusFileToItsExpectedErrors(string file, string[] expectedErrors, int expectedValidRows)
    {
        // Act
        var outcome = HostileCheck.RunFixture(Path.Combine("Hostile", file));

        // Assert
        Assert.Equal(expectedErrors, outcome.Errors);
        Assert.Equal(expectedValidRows, outcome.Result.ValidRows);
    }

    [Theory]
    [InlineData("doctype_entities.xlsx", "DTD")]
    [InlineData("doctype_external_entity.xlsx", "DTD")]
    [InlineData("shared_string_index_negative.xlsx", "cell A2 refers to the shared string \"-1\"")]
    [InlineData("shared_string_index_out_of_range.xlsx", "cell B2 refers to shared string 99, but the workbook has 6")]
    [InlineData("xfd1_then_last_row.xlsx", "1,048,576 rows × 16,384 columns (XFD1048576)")]
    [InlineData("data_on_second_sheet.xlsx", "only the first worksheet is read")]
    [InlineData("password_protected.xls", "password-protected")]
    [InlineData("xlsb_workbook.xlsb", ".xlsb")]
    public void SaysWhyAFileIsRejected(string file, string expected)
    {
        // Act
        var outcome = HostileCheck.RunFixture(Path.Combine("Hostile", file));

        // Assert
        Assert.Contains(expected, outcome.FileDiagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheRussellHillsRowUpToItsUnclosedQuoteAndTheRowAfterIt()
    {
        // Act
        var outcome = HostileCheck.RunFixture(Path.Combine("Hostile", "russell_hills.csv"));

        // Assert
        var unclosed = Assert.Single(outcome.RowDiagnostics);
        Assert.Equal("\"", unclosed.Value);
        Assert.Equal(["ada@example.com", "grace@example.com"], outcome.Staged.Select(s => s.Email));
    }

    [Theory]
    [InlineData("cells.csv", "2024-03-15")]
    [InlineData("cells.xlsx", "45366")]
    public void ReadsNamesTypedAsNumbersAsTheirText(string file, string description)
    {
        // Act
        var outcome = HostileCheck.RunFixture(Path.Combine("Hostile", file));

        // Assert
        var numbers = Assert.Single(outcome.Staged, s => s.Email == "numbers@example.com");
        Assert.Equal(("12", "3.5", description), (numbers.FirstName, numbers.LastName, numbers.Description));
    }

    [Fact]
    public void ReadsAFormulaAsItsCachedValueNotItsText()
    {
        // Act
        var outcome = HostileCheck.RunFixture(Path.Combine("Hostile", "cells.xlsx"));

        // Assert
        Assert.Equal("Ann", Assert.Single(outcome.Staged, s => s.Email == "formula@example.com").FirstName);
    }

    [Fact]
    public void ReadsWindows1252NamesAsTheirLetters()
    {
        // Act
        var outcome = HostileCheck.RunFixture(Path.Combine("Hostile", "windows1252_names.csv"));

        // Assert
        Assert.Equal(["Inès", "Bjørn", "Zoë"], outcome.Staged.Select(s => s.FirstName));
        Assert.Equal("Lefèvre – Œuvre", outcome.Staged[2].LastName);
    }

    [Fact]
    public void NamesTheInvisibleCharacterOfANameAndKeepsTheDiagnosticValueShort()
    {
        // Act
        var outcome = HostileCheck.RunFixture(Path.Combine("Hostile", "cells.csv"));

        // Assert
        var diagnostics = outcome.RowDiagnostics.Where(d => d.IsError).ToDictionary(d => d.RowNumber);
        Assert.Contains("U+202E", diagnostics[6].Message, StringComparison.Ordinal);
        Assert.Contains("U+0000", diagnostics[7].Message, StringComparison.Ordinal);
        Assert.Contains("40000 characters", diagnostics[8].Message, StringComparison.Ordinal);
        Assert.Equal(Diagnostic.MaxValueLength, diagnostics[8].Value.Length);
    }
}
