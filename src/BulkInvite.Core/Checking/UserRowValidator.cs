using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Checking;

/// <summary>Rules 6, 7 and 9 for one row: required values, lengths, characters, the address, extra cells, formula prefixes.</summary>
public static class UserRowValidator
{
    private const int EmailIndex = 0;
    private const int FirstNameIndex = 1;
    private const int LastNameIndex = 2;
    private const int DescriptionIndex = 3;

    /// <param name="row">A non-blank row after the header.</param>
    /// <param name="columnCount">The header's column count: 3, or 4 with Description.</param>
    public static RowCheck Validate(SheetRow row, int columnCount)
    {
        var diagnostics = new List<Diagnostic>();
        var n = row.RowNumber;
        if (row.Problems.Count > 0)
        {
            // The reader could not read the row as cells (an unclosed quote, a cell over a size limit):
            // say so, and check nothing else in it.
            diagnostics.AddRange(row.Problems.Select(p => Diagnostic.ForRow(n, ColumnName(p.ColumnIndex, columnCount), p.Code, p.Message, p.Value)));
            return new RowCheck(n, diagnostics, null) { RawEmail = row.CellAt(EmailIndex) };
        }

        var rawEmail = row.CellAt(EmailIndex);
        var email = TextRules.Trim(rawEmail);
        EmailCheck? emailCheck = null;
        if (email.Length == 0)
        {
            diagnostics.Add(Diagnostic.ForRow(n, UserColumns.Email, DiagnosticCode.EmailMissing, "The email address is missing.", rawEmail));
        }
        else
        {
            emailCheck = EmailAddressRule.Check(email);
            if (!emailCheck.IsValid)
            {
                diagnostics.Add(Diagnostic.ForRow(n, UserColumns.Email, emailCheck.ErrorCode!.Value, emailCheck.Problem!, rawEmail));
            }
            else
            {
                if (emailCheck.HasNonAsciiLocalPart)
                {
                    diagnostics.Add(Diagnostic.ForRow(n, UserColumns.Email, DiagnosticCode.EmailNonAscii,
                        "The address has letters beyond ASCII before the @; some mail systems cannot deliver to it. Check it with the user.", rawEmail));
                }

                AddFormulaWarning(diagnostics, n, UserColumns.Email, email, rawEmail);
            }
        }

        var firstName = CheckName(diagnostics, n, UserColumns.FirstName, DiagnosticCode.FirstNameMissing, row.CellAt(FirstNameIndex));
        var lastName = CheckName(diagnostics, n, UserColumns.LastName, DiagnosticCode.LastNameMissing, row.CellAt(LastNameIndex));
        var description = columnCount > DescriptionIndex ? CheckDescription(diagnostics, n, row.CellAt(DescriptionIndex)) : null;
        CheckExtraCells(diagnostics, row, columnCount);

        var hasError = diagnostics.Exists(d => d.IsError);
        var user = emailCheck is { IsValid: true }
            ? new StagedUser(n, email, emailCheck.Normalized!, firstName, lastName, description, !hasError)
            : null;
        return new RowCheck(n, diagnostics, user) { RawEmail = rawEmail };
    }

    /// <summary>The header name of a column, or "" beyond the header's last column (and for the row as a whole).</summary>
    private static string ColumnName(int index, int columnCount) =>
        index >= 0 && index < columnCount ? UserColumns.All[index] : "";

    private static string CheckName(List<Diagnostic> diagnostics, int row, string column, DiagnosticCode missing, string raw)
    {
        var value = TextRules.Trim(raw);
        if (value.Length == 0)
        {
            diagnostics.Add(Diagnostic.ForRow(row, column, missing, $"The {column.ToLowerInvariant()} is missing.", raw));
            return value;
        }

        CheckText(diagnostics, row, column, value, raw, UserColumns.MaxNameLength, allowLineBreaks: false);
        return value;
    }

    private static string? CheckDescription(List<Diagnostic> diagnostics, int row, string raw)
    {
        var value = TextRules.Trim(raw);
        if (value.Length == 0)
        {
            return null;
        }

        CheckText(diagnostics, row, UserColumns.Description, value, raw, UserColumns.MaxDescriptionLength, allowLineBreaks: true);
        return value;
    }

    private static void CheckText(List<Diagnostic> diagnostics, int row, string column, string value, string raw, int maxLength, bool allowLineBreaks)
    {
        var before = diagnostics.Count;
        var length = TextRules.CharacterCount(value);
        if (length > maxLength)
        {
            diagnostics.Add(Diagnostic.ForRow(row, column, DiagnosticCode.ValueTooLong,
                $"The {column.ToLowerInvariant()} has {length} characters; at most {maxLength} are allowed.", raw));
        }

        if (TextRules.FindForbiddenCharacter(value, allowLineBreaks) is { } bad)
        {
            diagnostics.Add(Diagnostic.ForRow(row, column, DiagnosticCode.InvalidCharacters,
                $"The {column.ToLowerInvariant()} contains the invisible character U+{(int)bad:X4}; remove it.", raw));
        }

        if (diagnostics.Count == before)
        {
            AddFormulaWarning(diagnostics, row, column, value, raw);
        }
    }

    // Only on values that are stored, i.e. that have no error of their own.
    private static void AddFormulaWarning(List<Diagnostic> diagnostics, int row, string column, string value, string raw)
    {
        if (TextRules.HasFormulaPrefix(value))
        {
            diagnostics.Add(Diagnostic.ForRow(row, column, DiagnosticCode.FormulaPrefix,
                $"The {column.ToLowerInvariant()} starts with '{value[0]}', which a spreadsheet may run as a formula. It is stored as written; check that it is what you meant.", raw));
        }
    }

    private static void CheckExtraCells(List<Diagnostic> diagnostics, SheetRow row, int columnCount)
    {
        var extra = Enumerable.Range(columnCount, Math.Max(0, row.Cells.Count - columnCount))
            .Where(i => !TextRules.IsBlank(row.Cells[i]))
            .ToList();
        if (extra.Count == 0)
        {
            return;
        }

        var columns = string.Join(", ", extra.Take(5).Select(UserColumns.Letter)) + (extra.Count > 5 ? ", ..." : "");
        diagnostics.Add(Diagnostic.ForRow(row.RowNumber, "", DiagnosticCode.ExtraFields,
            $"The row has values beyond the header's last column (in column {columns}); remove them or move them into Description.", row.Cells[extra[0]]));
    }
}
