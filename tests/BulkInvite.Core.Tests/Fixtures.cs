using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests;

/// <summary>The real files in Fixtures/ (copied next to the test assembly) and helpers to read them.</summary>
internal static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>A fixture in a seekable, writable memory stream, as the upload store hands files to the readers.</summary>
    public static MemoryStream Open(string name) => Stream(Bytes(name));

    public static MemoryStream Stream(byte[] bytes)
    {
        var stream = new MemoryStream();
        stream.Write(bytes);
        stream.Position = 0;
        return stream;
    }

    /// <summary>A copy of a fixture under another file name, in a temporary folder deleted on dispose.</summary>
    public static TempCopy CopyAs(string fixture, string fileName) => new(fixture, fileName);

    /// <summary>Every row a reader gives, blank rows included, until it says the sheet has ended.</summary>
    public static List<SheetRow> ReadAll(ISheetReader reader)
    {
        var rows = new List<SheetRow>();
        while (reader.ReadRow() is { } row)
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// The rows of the team_* fixtures: the same five people in every file, row 4 invalid. Windows-1252
    /// has no Japanese, so the French Excel CSV has Latin names on row 5.
    /// </summary>
    public static (int RowNumber, string[] Cells)[] TeamRows(bool japanese = true) =>
    [
        (1, ["Email", "First name", "Last name", "Description"]),
        (2, ["ines.garcia@example.es", "Inès", "García", "Reviewer, Madrid"]),
        (3, ["bjorn.olsen@example.no", "Bjørn", "Olsen", "42"]),
        (4, ["not-an-email", "Bad", "Address", ""]),
        (5, japanese ? ["akira.tanaka@example.jp", "明", "田中", "Annotator"] : ["akira.tanaka@example.jp", "Akira", "Tanaka", "Annotator"]),
        (6, ["marie.curie@example.fr", "Marie", "Curie", "Équipe « vision »"]),
    ];

    /// <summary>Asserts the row numbers, then the exact cells of each row.</summary>
    public static void AssertRows(IReadOnlyList<(int RowNumber, string[] Cells)> expected, IReadOnlyList<SheetRow> actual)
    {
        Assert.Equal(expected.Select(e => e.RowNumber), actual.Select(a => a.RowNumber));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Cells, actual[i].Cells);
        }
    }
}

internal sealed class TempCopy : IDisposable
{
    private readonly DirectoryInfo _folder;

    public TempCopy(string fixture, string fileName)
    {
        _folder = Directory.CreateTempSubdirectory("bulkinvite-tests-");
        Path = System.IO.Path.Combine(_folder.FullName, fileName);
        File.Copy(Fixtures.PathOf(fixture), Path);
    }

    public string Path { get; }

    public void Dispose() => _folder.Delete(recursive: true);
}
