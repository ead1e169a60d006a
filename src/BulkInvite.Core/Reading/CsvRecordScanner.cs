namespace BulkInvite.Core.Reading;

/// <summary>What <see cref="CsvRecordScanner"/> found in one record.</summary>
/// <param name="End">Where the next record starts (after the line break), or the end of the input.</param>
/// <param name="UnclosedField">The 0-based field whose quote is never closed, or -1.</param>
/// <param name="UnclosedQuoteOffset">Where that quote is, or -1.</param>
/// <param name="LongField">The first field longer than the field limit, or -1.</param>
/// <param name="LongFieldStart">Where that field starts, or -1.</param>
internal readonly record struct CsvRecordScan(long End, int UnclosedField, long UnclosedQuoteOffset, int LongField, long LongFieldStart);

/// <summary>
/// Finds where a CSV record ends without keeping it in memory, with the quoting rules
/// <see cref="CsvSheetReader"/> reads by (CsvHelper's recovery, as Excel reads): a quote opens a
/// quoted field only at the start of a field; inside one, a doubled quote is a quote and a single
/// one closes it; text after the closing quote belongs to the field; elsewhere a quote is text.
/// Used only for the records that CsvHelper will not buffer, so it streams over them once.
/// </summary>
internal static class CsvRecordScanner
{
    private const int BufferBytes = 64 * 1024;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    public static CsvRecordScan Scan(Stream source, long start, byte separator, int maxFieldBytes)
    {
        source.Position = start;
        var buffer = new byte[BufferBytes];
        var state = State.FieldStart;
        var field = 0;
        var fieldStart = start;
        var position = start;
        int longField = -1, quotedField = -1;
        long longFieldStart = -1, quoteOffset = -1;
        var afterCr = false;

        void EndField(long at)
        {
            if (longField < 0 && at - fieldStart > maxFieldBytes)
            {
                longField = field;
                longFieldStart = fieldStart;
            }
        }

        CsvRecordScan Ended(long end) => new(end, -1, -1, longField, longFieldStart);

        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                var b = buffer[i];
                if (afterCr)
                {
                    return Ended(b == '\n' ? position + 1 : position);
                }

                if (state == State.Quoted)
                {
                    if (b == '"')
                    {
                        state = State.QuoteInQuoted;
                    }

                    continue;
                }

                if (state == State.QuoteInQuoted && b == '"')
                {
                    state = State.Quoted;
                    continue;
                }

                if (b == separator)
                {
                    EndField(position);
                    field++;
                    fieldStart = position + 1;
                    state = State.FieldStart;
                }
                else if (b == '\n')
                {
                    EndField(position);
                    return Ended(position + 1);
                }
                else if (b == '\r')
                {
                    EndField(position);
                    afterCr = true;
                }
                else if (b == '"' && state == State.FieldStart)
                {
                    state = State.Quoted;
                    quotedField = field;
                    quoteOffset = position;
                }
                else
                {
                    state = State.Unquoted;
                }
            }
        }

        if (state == State.Quoted)
        {
            return new CsvRecordScan(position, quotedField, quoteOffset, longField, longFieldStart);
        }

        if (!afterCr)
        {
            EndField(position);
        }

        return Ended(position);
    }

    /// <summary>Where the line after the one holding <paramref name="offset"/> starts (CR, LF and CRLF end a line), or the end of the input.</summary>
    public static long NextLineStart(Stream source, long offset)
    {
        source.Position = offset;
        var buffer = new byte[BufferBytes];
        var position = offset;
        var afterCr = false;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                if (afterCr)
                {
                    return buffer[i] == '\n' ? position + 1 : position;
                }

                if (buffer[i] == '\n')
                {
                    return position + 1;
                }

                afterCr = buffer[i] == '\r';
            }
        }

        return position;
    }
}
