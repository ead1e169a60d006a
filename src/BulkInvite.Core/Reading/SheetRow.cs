namespace BulkInvite.Core.Reading;

/// <summary>
/// One row of a sheet as a person sees it: the row number a spreadsheet program shows (the first
/// row is 1) and the text of each cell, untrimmed.
/// </summary>
public sealed record SheetRow(int RowNumber, IReadOnlyList<string> Cells)
{
    /// <summary>Every cell is empty or white space.</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    public string CellAt(int index) => index < Cells.Count ? Cells[index] : "";
}

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
