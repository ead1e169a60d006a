using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Checking;

/// <summary>A sheet in memory: row i of the list is spreadsheet row i + 1, blank rows included.</summary>
internal sealed class ListSheetReader(IReadOnlyList<string[]> rows, UnreadableFileException? failAtEnd = null) : ISheetReader
{
    private int _next;

    public int RowsRead => _next;

    public bool IsDisposed { get; private set; }

    public static ListSheetReader Of(params string[][] rows) => new(rows);

    public SheetRow? ReadRow()
    {
        if (_next < rows.Count)
        {
            _next++;
            return new SheetRow(_next, rows[_next - 1]);
        }

        if (failAtEnd is not null)
        {
            throw failAtEnd;
        }

        return null;
    }

    public void Dispose() => IsDisposed = true;
}
