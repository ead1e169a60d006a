using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Importing;

/// <summary>
/// How far a running check is, written by the check's thread and read by whoever reports it
/// (StreamCheckImport): rows read and the position in the stored file.
/// </summary>
public sealed class CheckProgress
{
    private volatile CheckProgress? _followed;
    private int _rowsRead;
    private long _bytesRead;
    private long _sizeBytes;

    /// <summary>Rows read so far (user rows, blank rows and the header alike).</summary>
    public int RowsRead => _followed?.RowsRead ?? Volatile.Read(ref _rowsRead);

    /// <summary>How far into the stored file the reader is, in bytes.</summary>
    public long BytesRead => _followed?.BytesRead ?? Volatile.Read(ref _bytesRead);

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

    /// <summary>The sheet of a file whose size is not known yet (still uploading), counting its rows into this progress.</summary>
    internal ISheetReader Count(ISheetReader sheet, Stream file) => new CountingSheetReader(sheet, file, this);

    /// <summary>Reports another check's progress (a check while uploading, awaited) through this one, for a file of that size.</summary>
    internal void Follow(CheckProgress other, long sizeBytes)
    {
        _followed = other;
        Volatile.Write(ref _sizeBytes, sizeBytes);
    }

    /// <summary>Forgets a followed check that was abandoned: the full check reports from its start, once it opened the file.</summary>
    internal void Restart()
    {
        _followed = null;
        Volatile.Write(ref _sizeBytes, 0);
        Volatile.Write(ref _rowsRead, 0);
        Volatile.Write(ref _bytesRead, 0);
    }

    /// <summary>The whole file was read (by a check while uploading): reports it all at once.</summary>
    internal void ReadWhole(int rowsRead, long sizeBytes)
    {
        Volatile.Write(ref _rowsRead, rowsRead);
        Volatile.Write(ref _bytesRead, sizeBytes);
        Volatile.Write(ref _sizeBytes, sizeBytes);
        _followed = null;
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
