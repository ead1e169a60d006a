using System.IO.Compression;
using System.Text;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BulkInvite.Core.Rows;

/// <summary>
/// Writes a results file row by row, as CSV (UTF-8 with a byte order mark, comma-separated) or as
/// the one sheet of an XLSX written by OpenXmlWriter into a zip written as it goes: memory stays that
/// of one row however many rows there are. Every value that a spreadsheet would run as a
/// formula (it starts with =, +, -, @, tab or CR) is written with a leading apostrophe, in both
/// formats (OWASP's advice against CSV injection).
/// </summary>
public static class ResultsFile
{
    public static void Write(FileFormat format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Stream destination)
    {
        switch (format)
        {
            case FileFormat.Csv:
                WriteCsv(header, rows, destination);
                break;
            case FileFormat.Xlsx:
                WriteXlsx(header, rows, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Results files are CSV or XLSX.");
        }
    }

    /// <summary>The value as written: with a leading apostrophe when a spreadsheet would run it as a formula.</summary>
    public static string Escape(string value) => TextRules.HasFormulaPrefix(value) ? "'" + value : value;

    private static void WriteCsv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Stream destination)
    {
        using var writer = CsvWriter.Create(destination, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        writer.WriteRecord(header.Select(Escape).ToArray());
        foreach (var row in rows)
        {
            writer.WriteRecord(row.Select(Escape).ToArray());
        }
    }

    // The package is zipped by hand, each part written once in turn, because the SDK's package keeps
    // every part in memory until it closes (.NET's zip in update mode, Open-XML-SDK issue 807): a
    // million rows would cost over a gigabyte. A write-only zip compresses the sheet as OpenXmlWriter
    // writes it. The package's three small parts say only where the workbook and its sheet are.
    private static void WriteXlsx(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Stream destination)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, "[Content_Types].xml", ContentTypes);
        WriteText(zip, "_rels/.rels", Relationships("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"));
        WriteText(zip, "xl/_rels/workbook.xml.rels", Relationships("http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"));
        using (var part = zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartDocument(true);
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            writer.WriteElement(new Sheet { Id = "rId1", SheetId = 1, Name = "Results" });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartDocument(true);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            uint rowIndex = 0;
            WriteRow(writer, ++rowIndex, header);
            foreach (var row in rows)
            {
                WriteRow(writer, ++rowIndex, row);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
        "</Types>";

    private static string Relationships(string type, string target) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        $"<Relationship Id=\"rId1\" Type=\"{type}\" Target=\"{target}\"/></Relationships>";

    private static void WriteText(ZipArchive zip, string name, string text)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        part.Write(Encoding.UTF8.GetBytes(text));
    }

    // Every value is an inline text cell, never a formula or a number.
    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<string> values)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length == 0)
            {
                continue;
            }

            writer.WriteElement(new Cell
            {
                CellReference = UserColumns.Letter(i) + rowIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(XmlSafe(Escape(values[i]))) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// A value XML can carry: a row the check found invalid may hold control characters or a lone
    /// surrogate, which no XML document may contain; each becomes U+FFFD (its diagnostic names it).
    /// </summary>
    private static string XmlSafe(string value)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = char.IsSurrogate(c)
                ? char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                : c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
            if (ok && char.IsHighSurrogate(c))
            {
                safe?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (!ok)
            {
                safe ??= new StringBuilder(value, 0, i, value.Length);
                safe.Append('\uFFFD');
            }
            else
            {
                safe?.Append(c);
            }
        }

        return safe?.ToString() ?? value;
    }
}
