using System.Text;

namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>Input files: the real team fixtures (5 users, row 4 not-an-email), and CSVs a test builds.</summary>
public static class Files
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Writes a CSV into <paramref name="folder"/> under a fresh name and returns its path.</summary>
    public static string Csv(string folder, string text)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>A CSV with <paramref name="valid"/> good rows, then <paramref name="invalid"/> rows whose Email has no @.</summary>
    public static string Users(string folder, int valid, int invalid = 0)
    {
        var text = new StringBuilder("Email,First name,Last name\n");
        var id = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < valid; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"user{i}.{id}@example.com,First,Last\n");
        }

        for (var i = 0; i < invalid; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"broken{i}.example.com,First,Last\n");
        }

        return Csv(folder, text.ToString());
    }
}
