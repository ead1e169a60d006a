using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Importing;

/// <summary>
/// How far a running check is, written by the check's thread and read by whoever reports it
/// (StreamCheckImport): rows read and the position in the stored file.
/// </summary>
public sealed class CheckProgress
{
    private int _rowsRead;
    private long _bytesRead;
    private long _sizeBytes;

    /// <summary>Rows read so far (user rows, blank rows and the header alike).</summary>
    public int RowsRead => Volatile.Read(ref _rowsRead);

    /// <summary>How far into the stored file the reader is, in bytes.</summary>
    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <summary>The stored file's size; 0 until the check has opened it.</summary>
    public long SizeBytes => Volatile.Read(ref _sizeBytes);

    /// <summary>Whether the check has started reading the file.</summary>
    public bool Started => SizeBytes > 0;

    /// <summary>The sheet, counting its rows into this progress as they are read.</summary>
    internal ISheetReader Track(ISheetReader sheet, Stream file)
    {
        Volatile.Write(ref _sizeBytes, file.Length);
        return new CountingSheetReader(sheet, file, this);
    }

    private sealed class CountingSheetReader(ISheetReader sheet, Stream file, CheckProgress progress) : ISheetReader
    {
        public SheetRow? ReadRow()
        {
            var row = sheet.ReadRow();
            if (row is not null)
            {
                Interlocked.Increment(ref progress._rowsRead);
                // Spreadsheet readers seek back and forth inside the zip: report the furthest point.
                var position = file.Position;
                if (position > progress.BytesRead)
                {
                    Volatile.Write(ref progress._bytesRead, position);
                }
            }

            return row;
        }

        public void Dispose() => sheet.Dispose();
    }
}
