namespace BulkInvite.Core.Reading;

/// <summary>Reads the rows of the first sheet of a file, one at a time, so memory does not grow with the file.</summary>
public interface ISheetReader : IDisposable
{
    /// <summary>The next row, blank rows included; null at the end.</summary>
    /// <exception cref="UnreadableFileException">The file cannot be read any further.</exception>
    SheetRow? ReadRow();
}
