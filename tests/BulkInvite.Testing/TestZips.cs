using System.IO.Compression;
using System.Text;

namespace BulkInvite.Testing;

/// <summary>Workbooks and zips built by the tests: minimal xlsx parts, and zips written byte by byte where a header must lie.</summary>
public static class TestZips
{
    private const string Main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

    /// <summary>A minimal xlsx with one sheet whose sheetData is given, and shared strings when given.</summary>
    public static byte[] Xlsx(string sheetData, IEnumerable<string>? sharedStrings = null, Action<ZipArchive>? more = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
            Add(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml", $"<workbook {Main} xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Users\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            Add(zip, "xl/worksheets/sheet1.xml", $"<worksheet {Main}><sheetData>{sheetData}</sheetData></worksheet>");
            if (sharedStrings is not null)
            {
                using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open(), new UTF8Encoding(false));
                writer.Write($"<sst {Main}>");
                foreach (var text in sharedStrings)
                {
                    writer.Write("<si><t>");
                    writer.Write(text);
                    writer.Write("</t></si>");
                }

                writer.Write("</sst>");
            }

            more?.Invoke(zip);
        }

        return stream.ToArray();
    }

    /// <summary>The header row (shared strings 0 to 3) of the sheets built here.</summary>
    public const string HeaderRow = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>";

    public static readonly string[] HeaderStrings = ["Email", "First name", "Last name", "Description"];

    public static string InlineCell(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    public static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>
    /// Raw deflate data that inflates to <paramref name="mebibytes"/> MiB of zeros from about 1 KB per MiB:
    /// one compressed 1 MiB block repeated (it only refers back to zeros), then an empty final block.
    /// </summary>
    public static byte[] DeflatedZeros(int mebibytes)
    {
        using var compressed = new MemoryStream();
        long prefix, block;
        using (var deflate = new DeflateStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(new byte[32 * 1024]);
            deflate.Flush();
            prefix = compressed.Length;
            deflate.Write(new byte[1024 * 1024]);
            deflate.Flush();
            block = compressed.Length - prefix;
        }

        var bytes = compressed.GetBuffer();
        using var result = new MemoryStream();
        result.Write(bytes, 0, (int)prefix);
        for (var i = 0; i < mebibytes; i++)
        {
            result.Write(bytes, (int)prefix, (int)block);
        }

        result.Write([0x01, 0x00, 0x00, 0xFF, 0xFF]); // final, stored, empty
        return result.ToArray();
    }

    /// <summary>A zip written byte by byte, so its headers say what the test wants.</summary>
    public static byte[] RawZip(params (string Name, byte[] Deflated, long DeclaredSize, uint Crc)[] entries)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        var offsets = new List<long>();
        foreach (var (name, data, size, crc) in entries)
        {
            offsets.Add(stream.Position);
            writer.Write(0x04034b50u);
            writer.Write((ushort)20);
            writer.Write((ushort)0);
            writer.Write((ushort)8);
            writer.Write(0x00210000u); // 1980-01-01 00:00
            writer.Write(crc);
            writer.Write((uint)data.Length);
            writer.Write((uint)size);
            writer.Write((ushort)Encoding.UTF8.GetByteCount(name));
            writer.Write((ushort)0);
            writer.Write(Encoding.UTF8.GetBytes(name));
            writer.Write(data);
        }

        var directory = stream.Position;
        for (var i = 0; i < entries.Length; i++)
        {
            var (name, data, size, crc) = entries[i];
            writer.Write(0x02014b50u);
            writer.Write((ushort)20);
            writer.Write((ushort)20);
            writer.Write((ushort)0);
            writer.Write((ushort)8);
            writer.Write(0x00210000u);
            writer.Write(crc);
            writer.Write((uint)data.Length);
            writer.Write((uint)size);
            writer.Write((ushort)Encoding.UTF8.GetByteCount(name));
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write((uint)offsets[i]);
            writer.Write(Encoding.UTF8.GetBytes(name));
        }

        var end = stream.Position;
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)entries.Length);
        writer.Write((ushort)entries.Length);
        writer.Write((uint)(end - directory));
        writer.Write((uint)directory);
        writer.Write((ushort)0);
        writer.Flush();
        return stream.ToArray();
    }

    public static byte[] Deflate(string text)
    {
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    /// <summary>The parts of a minimal workbook (with only the header row), deflated, for <see cref="RawZip"/>; its sheet too when asked.</summary>
    public static List<(string Name, byte[] Deflated, long DeclaredSize, uint Crc)> WorkbookParts(bool withSheet)
    {
        var parts = new List<(string, byte[], long, uint)>();
        using var zip = new ZipArchive(new MemoryStream(Xlsx(HeaderRow, HeaderStrings)), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => withSheet || e.FullName != "xl/worksheets/sheet1.xml"))
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            var bytes = Encoding.UTF8.GetBytes(text);
            parts.Add((entry.FullName, Deflate(text), bytes.Length, Crc32(bytes)));
        }

        return parts;
    }

    /// <summary>The zip CRC-32 of some bytes (.NET checks it when a part is read to its end).</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
