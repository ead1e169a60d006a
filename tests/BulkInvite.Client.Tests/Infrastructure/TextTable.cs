namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>Reads the tables bulkinvite draws: the cells of the line that holds a given text.</summary>
public static class TextTable
{
    public static string[] RowWith(string output, string text)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No line holds \"{text}\" in:\n{output}");
        return [.. line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0)];
    }
}
