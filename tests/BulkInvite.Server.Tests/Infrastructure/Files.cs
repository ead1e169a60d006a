using System.IO.Compression;
using System.Text;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>Input files: the real fixtures, and files built by a test.</summary>
public static class Files
{
    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Utf8Csv(string text, bool bom = false) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    /// <summary>A CSV of users user2@example.com ... with the given number of rows.</summary>
    public static byte[] ManyUsers(int rows, Func<int, string>? email = null)
    {
        var text = new StringBuilder("Email,First name,Last name\n");
        for (var row = 2; row < rows + 2; row++)
        {
            text.Append(email?.Invoke(row) ?? $"user{row}@example.com").Append(",First,Last\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The first bytes of an xlsx, cut off: what an interrupted download leaves.</summary>
    public static byte[] TruncatedXlsx() => Fixture("team_libreoffice.xlsx")[..2000];

    public static byte[] Png() => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    /// <summary>A zip holding xl/workbook.bin: what Excel writes for .xlsb.</summary>
    public static byte[] Xlsb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("xl/workbook.bin");
        }

        return stream.ToArray();
    }
}
