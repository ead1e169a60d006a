using System.Buffers.Binary;
using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Reading;

/// <summary>
/// Checks the header of an OLE2 compound file (an xls) before ExcelDataReader reads it. The parser
/// trusts the header's counts: a sector size of 2^30 bytes, or a DIFAT chain that loops or claims
/// two billion sectors, makes it allocate without end or loop for minutes (found by fuzzing, see
/// Fixtures/Fuzz/README.md). Here every count is bounded by the file's length and the DIFAT chain
/// is walked once, refusing a sector outside the file or seen twice.
/// </summary>
internal static class Ole2Guard
{
    private const int HeaderBytes = 512;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;

    public static void Check(Stream stream)
    {
        try
        {
            CheckHeader(stream);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static void CheckHeader(Stream stream)
    {
        if (stream.Length < HeaderBytes)
        {
            throw Damaged("it is shorter than its header");
        }

        var header = new byte[HeaderBytes];
        stream.Position = 0;
        stream.ReadExactly(header);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        var miniSectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x20));
        if (sectorShift is not (9 or 12) || miniSectorShift != 6)
        {
            throw Damaged("its header names an impossible sector size");
        }

        var sectorSize = 1 << sectorShift;
        var sectors = (stream.Length - HeaderBytes + sectorSize - 1) / sectorSize;
        var fatSectors = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(0x2C));
        var miniFatSectors = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(0x40));
        var difFirst = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        var difSectors = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(0x48));
        if (fatSectors < 0 || fatSectors > sectors || miniFatSectors < 0 || miniFatSectors > sectors || difSectors < 0 || difSectors > sectors)
        {
            throw Damaged("its header counts more sectors than the file has");
        }

        if (difFirst is EndOfChain or FreeSector)
        {
            return;
        }

        // The parser reads difSectors DIFAT sectors, following each one's last entry.
        var seen = new HashSet<uint>();
        var sector = difFirst;
        var buffer = new byte[4];
        for (var i = 0; i < difSectors; i++)
        {
            if (sector >= sectors || !seen.Add(sector))
            {
                throw Damaged("its sector allocation table loops or points outside the file");
            }

            stream.Position = HeaderBytes + ((long)(sector + 1) * sectorSize) - 4;
            stream.ReadExactly(buffer);
            sector = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        }
    }

    private static UnreadableFileException Damaged(string reason) =>
        new(DiagnosticCode.FileUnreadable,
            $"The workbook is damaged: {reason}. Open it in your spreadsheet program, save it again and upload the new file.");
}
