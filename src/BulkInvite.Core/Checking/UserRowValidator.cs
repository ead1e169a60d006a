using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Checking;

/// <summary>Rules 6, 7 and 9 for one row: required values, lengths, characters, the address, cells without a header, formula prefixes.</summary>
public static class UserRowValidator
{
    /// <param name="row">A non-blank row after the header.</param>
    /// <param name="layout">Where the header put each field.</param>
    public static RowCheck Validate(SheetRow row, ColumnLayout layout)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(layout);
        var diagnostics = new List<Diagnostic>();
        var n = row.RowNumber;
        if (row.Problems.Count > 0)
        {
            // The reader could not read the row as cells (an unclosed quote, a cell over a size limit):
            // say so, and check nothing else in it.
            diagnostics.AddRange(row.Problems.Select(p => Diagnostic.ForRow(n, layout.ColumnName(p.ColumnIndex), p.Code, p.Message, p.Value)));
            var unread = new StagedUser(n, TextRules.Trim(CellOf(row, layout, UserField.Email)), null,
                TextRules.Trim(CellOf(row, layout, UserField.FirstName)), TextRules.Trim(CellOf(row, layout, UserField.LastName)),
                DescriptionOf(TextRules.Trim(CellOf(row, layout, UserField.Description))), IsValid: false);
            return new RowCheck(n, diagnostics, unread) { RawEmail = CellOf(row, layout, UserField.Email) };
        }

        var rawEmail = CellOf(row, layout, UserField.Email);
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

        var firstName = CheckName(diagnostics, n, UserColumns.FirstName, DiagnosticCode.FirstNameMissing, CellOf(row, layout, UserField.FirstName));
        var lastName = CheckName(diagnostics, n, UserColumns.LastName, DiagnosticCode.LastNameMissing, CellOf(row, layout, UserField.LastName));
        var description = layout.IndexOf(UserField.Description) >= 0 ? CheckDescription(diagnostics, n, CellOf(row, layout, UserField.Description)) : null;
        CheckCellsWithoutHeader(diagnostics, row, layout);

        var hasError = diagnostics.Exists(d => d.IsError);
        var values = new StagedUser(n, email, emailCheck is { IsValid: true } ? emailCheck.Normalized : null, firstName, lastName, description, !hasError);
        return new RowCheck(n, diagnostics, values) { RawEmail = rawEmail };
    }

    private static string? DescriptionOf(string trimmed) => trimmed.Length == 0 ? null : trimmed;

    private static string CellOf(SheetRow row, ColumnLayout layout, UserField field) =>
        layout.IndexOf(field) is var index and >= 0 ? row.CellAt(index) : "";

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

    // A value under no header cannot be imported, and is likely a column whose name was forgotten:
    // the row is invalid until it is named or removed. Named columns that are not imported are not checked.
    private static void CheckCellsWithoutHeader(List<Diagnostic> diagnostics, SheetRow row, ColumnLayout layout)
    {
        List<int>? extra = null;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (layout.IsUnnamed(i) && !TextRules.IsBlank(row.Cells[i]))
            {
                (extra ??= []).Add(i);
            }
        }

        if (extra is null)
        {
            return;
        }

        var columns = string.Join(", ", extra.Take(5).Select(UserColumns.Letter)) + (extra.Count > 5 ? ", ..." : "");
        diagnostics.Add(Diagnostic.ForRow(row.RowNumber, "", DiagnosticCode.ExtraFields,
            $"The row has values in columns without a header (column {columns}); name the column in the header row or remove the values.", row.Cells[extra[0]]));
    }
}
