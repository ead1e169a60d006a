using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BulkInvite.Bench;

/// <summary>
/// Realistic user files: names from several scripts, ASCII and internationalized addresses, optional
/// descriptions, about 1% invalid addresses and 0.5% duplicates (none when <c>unique</c>: psql's
/// \copy into a unique index stops at the first). The same seed gives the same file.
/// </summary>
public static class UserFileGenerator
{
    private static readonly (string First, string Last, string Slug)[] People =
    [
        ("Inès", "García", "ines.garcia"), ("Bjørn", "Olsen", "bjorn.olsen"), ("明", "田中", "akira.tanaka"),
        ("Marie", "Curie", "marie.curie"), ("Олег", "Иванов", "oleg.ivanov"), ("Σοφία", "Παπαδοπούλου", "sofia.papadopoulou"),
        ("أحمد", "حسن", "ahmed.hassan"), ("प्रिया", "शर्मा", "priya.sharma"), ("Nguyễn", "Thị Lan", "lan.nguyen"),
        ("John", "O'Neil", "john.oneil"), ("Zoë", "Müller", "zoe.muller"), ("伟", "李", "wei.li"),
        ("Chidi", "Okafor", "chidi.okafor"), ("Aino", "Virtanen", "aino.virtanen"), ("José", "Núñez", "jose.nunez"),
        ("Søren", "Kierkegaard", "soren.k"), ("Ayşe", "Yılmaz", "ayse.yilmaz"), ("지민", "김", "jimin.kim"),
    ];

    private static readonly string[] Domains = ["example.com", "example.org", "mail.example.net", "münchen.example", "corp.example.co.uk"];
    private static readonly string[] Descriptions = ["", "", "", "Annotator", "Reviewer, Madrid", "Équipe « vision »", "Night shift", "Contractor until March"];

    /// <summary>The rows, header first, as cell texts.</summary>
    public static IEnumerable<string[]> Rows(int count, int seed = 42, bool unique = false)
    {
        var random = new Random(seed);
        yield return ["Email", "First name", "Last name", "Description"];
        for (var i = 0; i < count; i++)
        {
            var person = People[random.Next(People.Length)];
            var roll = random.Next(1000);
            var email = roll switch
            {
                < 10 => $"{person.Slug}.{i}-at-{Domains[random.Next(Domains.Length)]}", // invalid: no @
                < 15 when i > 0 && !unique => $"{person.Slug}.{random.Next(i)}@{Domains[0]}", // usually a duplicate of an earlier row
                _ => $"{person.Slug}.{i.ToString(CultureInfo.InvariantCulture)}@{Domains[random.Next(Domains.Length)]}",
            };
            yield return [email, person.First, person.Last, Descriptions[random.Next(Descriptions.Length)]];
        }
    }

    public static void WriteCsv(string path, int count, int seed = 42, bool unique = false)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        foreach (var row in Rows(count, seed, unique))
        {
            writer.Write(string.Join(',', row.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    /// <summary>An xlsx written with the streaming OpenXmlWriter, so large files need little memory.</summary>
    public static void WriteXlsx(string path, int count, int seed = 42)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            foreach (var row in Rows(count, seed))
            {
                writer.WriteStartElement(new Row());
                foreach (var value in row)
                {
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Users" }));
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
