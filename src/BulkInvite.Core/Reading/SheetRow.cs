namespace BulkInvite.Core.Reading;

/// <summary>
/// One row of a sheet as a person sees it: the row number a spreadsheet program shows (the first
/// row is 1) and the text of each cell, untrimmed.
/// </summary>
public sealed record SheetRow(int RowNumber, IReadOnlyList<string> Cells)
{
    /// <summary>
    /// What the reader could not read in this row (an unclosed quote, a cell over a size limit). Each
    /// becomes a row error, and the row's cells are not checked; on the header row, it rejects the file.
    /// </summary>
    public IReadOnlyList<CellProblem> Problems { get; init; } = [];

    /// <summary>Every cell is empty or white space, and nothing in the row was unreadable.</summary>
    public bool IsBlank => Problems.Count == 0 && Cells.All(Checking.TextRules.IsBlank);

    public string CellAt(int index) => index < Cells.Count ? Cells[index] : "";
}

/// <summary>A part of a row that the reader could not read as a value.</summary>
/// <param name="ColumnIndex">The 0-based column, or -1 for the row as a whole.</param>
/// <param name="Message">A sentence for the admin; the diagnostic's column names the column.</param>
/// <param name="Value">The start of the offending text (diagnostics cut it to 200 characters).</param>
public sealed record CellProblem(int ColumnIndex, Checking.DiagnosticCode Code, string Message, string Value);

/// <summary>Reads the rows of the first sheet of a file, one at a time, so memory does not grow with the file.</summary>
public interface ISheetReader : IDisposable
{
    /// <summary>The next row, blank rows included; null at the end.</summary>
    /// <exception cref="UnreadableFileException">The file cannot be read any further.</exception>
    SheetRow? ReadRow();
}

/// <summary>A file that cannot be read, with the file-level diagnostic that says why.</summary>
public sealed class UnreadableFileException : Exception
{
    public UnreadableFileException(Checking.DiagnosticCode code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public UnreadableFileException()
        : this(Checking.DiagnosticCode.FileUnreadable, "The file cannot be read.")
    {
    }

    public UnreadableFileException(string message)
        : this(Checking.DiagnosticCode.FileUnreadable, message)
    {
    }

    public UnreadableFileException(string message, Exception inner)
        : this(Checking.DiagnosticCode.FileUnreadable, message, inner)
    {
    }

    public Checking.DiagnosticCode Code { get; }
}
