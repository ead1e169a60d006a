namespace BulkInvite.Core.Checking;

/// <summary>
/// One problem found in an uploaded file. <see cref="RowNumber"/> is the row a spreadsheet
/// program shows (header = 1), 0 for the file as a whole.
/// </summary>
public sealed record Diagnostic(int RowNumber, string Column, DiagnosticCode Code, Severity Severity, string Message, string Value)
{
    /// <summary>The most characters of the offending value a diagnostic carries.</summary>
    public const int MaxValueLength = 200;

    public bool IsError => Severity == Severity.Error;

    /// <summary>A diagnostic about the file as a whole that rejects it: an error.</summary>
    public static Diagnostic ForFile(DiagnosticCode code, string message, string? value = null) =>
        new(0, "", code, Severity.Error, message, Cut(value));

    /// <summary>A warning about the file as a whole (columns not imported): the file is still checked and can be applied.</summary>
    public static Diagnostic WarningForFile(DiagnosticCode code, string message, string? value = null) =>
        new(0, "", code, Severity.Warning, message, Cut(value));

    /// <summary>A diagnostic about a row or one of its cells; the severity follows from the code.</summary>
    public static Diagnostic ForRow(int rowNumber, string column, DiagnosticCode code, string message, string? value) =>
        new(rowNumber, column, code, SeverityOf(code), message, Cut(value));

    public static Severity SeverityOf(DiagnosticCode code) => code switch
    {
        DiagnosticCode.AlreadyInvited or DiagnosticCode.AlreadyMember or DiagnosticCode.FormulaPrefix or DiagnosticCode.EmailNonAscii
            or DiagnosticCode.ColumnsNotImported => Severity.Warning,
        _ => Severity.Error,
    };

    private static string Cut(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.Length <= MaxValueLength)
        {
            return value;
        }

        // Do not split a surrogate pair: the value must stay valid UTF-16 to travel as a proto string.
        var length = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return value[..length];
    }
}
