using System.Buffers.Binary;

namespace BulkInvite.Core.Reading;

/// <summary>Reads what a zip's end-of-central-directory record declares, before anything parses the directory itself.</summary>
internal static class ZipDirectory
{
    private const int EndRecordBytes = 22;
    private const int MaxCommentBytes = ushort.MaxValue;

    /// <summary>
    /// The number of entries the archive declares, or null when no end record is found. A ZIP64
    /// archive declares 0xFFFF here and the real count elsewhere: that is returned as is, since no
    /// workbook needs that many entries.
    /// </summary>
    public static long? DeclaredEntryCount(Stream stream)
    {
        var length = stream.Length;
        var tailLength = (int)Math.Min(length, EndRecordBytes + MaxCommentBytes);
        var tail = new byte[tailLength];
        stream.Position = length - tailLength;
        stream.ReadExactly(tail);
        for (var i = tailLength - EndRecordBytes; i >= 0; i--)
        {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            }
        }

        return null;
    }
}
