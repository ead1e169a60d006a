namespace BulkInvite.Core.Reading;

/// <summary>
/// A file still being written, read as it grows: a read past what was written so far waits for
/// more, or for the end. The writer says how far it wrote and flushed (<see cref="Grew"/>) and when
/// the file is whole (<see cref="Complete"/>) or never will be (<see cref="Fail"/>, after which a
/// waiting read and every later one throw). Seekable, since the CSV reader goes back to re-read a
/// record; its <see cref="Length"/> is known only once it is whole, so asking for it waits for the
/// end, and <see cref="WaitForLength"/> tells as much as is known without waiting that long.
/// Nothing is buffered here: the bytes stay in the file.
/// </summary>
public sealed class GrowingFileStream : Stream
{
    private readonly Stream _file;
    private readonly object _gate = new(); // a monitor: readers wait on it for the writer
    private long _written;
    private bool _complete;
    private Exception? _failure;

    /// <param name="file">A readable, seekable view of the file, opened to share it with its writer.</param>
    public GrowingFileStream(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _file = file;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    /// <summary>The whole file's length: waits until it is whole.</summary>
    public override long Length => WaitForLength(long.MaxValue);

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    /// <summary>The writer wrote (and flushed) the file up to <paramref name="length"/> bytes.</summary>
    public void Grew(long length)
    {
        lock (_gate)
        {
            _written = Math.Max(_written, length);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The file is whole: a read at its end returns 0.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _complete = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The file will never be whole: a waiting read, and every later one, throws <paramref name="reason"/>'s kind of failure.</summary>
    public void Fail(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            _failure ??= reason;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Waits until the file holds at least <paramref name="atLeast"/> bytes or is whole, and returns
    /// how many it holds then: fewer than asked only when that is the whole file.
    /// </summary>
    public long WaitForLength(long atLeast)
    {
        lock (_gate)
        {
            while (_written < atLeast && !_complete && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            if (_failure is not null)
            {
                throw new IOException("The file being read as it uploads will not be complete: " + _failure.Message, _failure);
            }

            return _written;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var position = _file.Position;
        var available = WaitForLength(position + 1) - position;
        return available <= 0 ? 0 : _file.Read(buffer[..(int)Math.Min(buffer.Length, available)]);
    }

    public override long Seek(long offset, SeekOrigin origin) => origin == SeekOrigin.End
        ? _file.Seek(Length + offset, SeekOrigin.Begin)
        : _file.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A growing file is read here, not written.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A growing file is read here, not written.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
