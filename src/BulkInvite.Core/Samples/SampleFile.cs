using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BulkInvite.Core.Samples;

/// <summary>
/// The sample file GetSampleFile serves: the header and a few users, as CSV (UTF-8 with BOM, so
/// Excel shows the accents) or XLSX. It passes its own check with no diagnostic. Its header uses
/// the canonical names; the last row's Description tells the admin the column rules (rule 4 of
/// docs/import-rules.md): columns in any order, other columns not imported.
/// </summary>
public static class SampleFile
{
    public static IReadOnlyList<string[]> Rows { get; } =
    [
        [UserColumns.Email, UserColumns.FirstName, UserColumns.LastName, UserColumns.Description],
        ["ada.lovelace@example.com", "Ada", "Lovelace", "Writes the first programs"],
        ["grace.hopper@example.com", "Grace", "Hopper", "Compiler team, Arlington office"],
        ["emilie.du-chatelet@example.com", "Émilie", "du Châtelet", ""],
        ["jose.nunez@example.com", "José", "Núñez", "Optional notes. Columns may come in any order; other columns are not imported"],
    ];

    public static string FileName(FileFormat format) => format switch
    {
        FileFormat.Csv => "bulk-invite-sample.csv",
        FileFormat.Xlsx => "bulk-invite-sample.xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Samples are CSV or XLSX."),
    };

    public static void Write(FileFormat format, Stream destination)
    {
        switch (format)
        {
            case FileFormat.Csv:
                WriteCsv(Rows, destination);
                break;
            case FileFormat.Xlsx:
                WriteXlsx(Rows, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Samples are CSV or XLSX.");
        }
    }

    /// <summary>Writes rows as CSV; a value that a spreadsheet would run as a formula is escaped with a leading apostrophe.</summary>
    public static void WriteCsv(IEnumerable<string[]> rows, Stream destination)
    {
        using var writer = CsvWriter.Create(destination, new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
        }, leaveOpen: true);
        foreach (var row in rows)
        {
            writer.WriteRecord(row);
        }
    }

    /// <summary>Writes rows as the first sheet of an xlsx; every value is a text cell, never a formula.</summary>
    public static void WriteXlsx(IEnumerable<string[]> rows, Stream destination)
    {
        using var document = SpreadsheetDocument.Create(destination, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint rowIndex = 0;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = ++rowIndex };
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i].Length > 0)
                {
                    row.Append(new Cell
                    {
                        CellReference = UserColumns.Letter(i) + rowIndex,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(values[i])),
                    });
                }
            }

            data.Append(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Users" }));
    }
}
