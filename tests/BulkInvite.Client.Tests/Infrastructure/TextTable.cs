namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>
/// Reads the records bulkinvite writes: the cells of the line that holds a given text, from a table
/// drawn on a terminal (cells between │) or from tab-separated lines (stdout redirected).
/// </summary>
public static class TextTable
{
    public static string[] RowWith(string output, string text)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No line holds \"{text}\" in:\n{output}");
        return line.Contains('│', StringComparison.Ordinal)
            ? [.. line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0)]
            : line.TrimEnd('\r').Split('\t');
    }
}
