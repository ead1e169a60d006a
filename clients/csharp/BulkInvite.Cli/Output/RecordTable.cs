using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BulkInvite.Cli.Output;

/// <summary>One column of a <see cref="RecordTable"/>.</summary>
/// <param name="Header">Its heading.</param>
/// <param name="Wrap">
/// Whether a long value may wrap, at spaces, on a terminal: prose does; ids, codes, addresses and
/// numbers never do (they are cut with an ellipsis only when the terminal cannot fit them).
/// </param>
/// <param name="PipedOnly">Written only to a pipe or file, where width does not matter (a code the terminal shows elsewhere).</param>
internal sealed record RecordColumn(string Header, bool Wrap = false, bool PipedOnly = false);

/// <summary>
/// Records for people and for pipes: on a terminal a table that fits its width and never breaks an
/// address or an id mid-word; to a pipe or a file a header line and one tab-separated line per
/// record (tabs and line breaks in values written as \t, \n), which grep, cut and awk read.
/// </summary>
internal sealed class RecordTable(params RecordColumn[] columns)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public RecordTable Add(params string[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"A record has {columns.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public void Write(CliConsole console)
    {
        if (console.OutIsTerminal)
        {
            WriteTable(console.Out);
        }
        else
        {
            WriteLines(console.Out.Profile.Out.Writer);
        }
    }

    /// <summary>
    /// A table whose unbreakable columns get their whole width and whose prose columns wrap at
    /// spaces only (each at least as wide as its longest word); when even that does not fit the
    /// terminal, each record becomes a block of "Header  value" lines instead.
    /// </summary>
    private void WriteTable(IAnsiConsole console)
    {
        var shown = columns.Select((column, index) => (column, index)).Where(c => !c.column.PipedOnly).ToList();
        var natural = shown.Select(c => Math.Max(c.column.Header.GetCellWidth(), _rows.Select(r => r[c.index].GetCellWidth()).DefaultIfEmpty(0).Max())).ToList();
        var least = shown.Select((c, i) => c.column.Wrap ? LongestWord(c.column.Header, _rows.Select(r => r[c.index])) : natural[i]).ToList();
        var borders = (3 * shown.Count) + 1;
        var width = console.Profile.Width;
        if (least.Sum() + borders > width)
        {
            WriteBlocks(console, shown.Select(c => (c.column.Header, c.index)).ToList());
            return;
        }

        var widths = Fit(shown.Select(c => c.column.Wrap).ToList(), natural, least, width - borders);
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < shown.Count; i++)
        {
            var column = new TableColumn(new Text(shown[i].column.Header, new Style(decoration: Decoration.Bold))) { Width = widths[i] };
            table.AddColumn(shown[i].column.Wrap ? column : column.NoWrap());
        }

        foreach (var row in _rows)
        {
            table.AddRow(shown.Select(c => (IRenderable)new Text(row[c.index])));
        }

        console.Write(table);
    }

    /// <summary>
    /// Widths that fit <paramref name="available"/>: unbreakable columns keep their natural width;
    /// prose columns share what is left in proportion to their natural width, never below their
    /// longest word. Null (Spectre's own sizing) when everything fits as it is.
    /// </summary>
    private static List<int?> Fit(List<bool> wraps, List<int> natural, List<int> least, int available)
    {
        if (natural.Sum() <= available)
        {
            return [.. natural.Select(_ => (int?)null)];
        }

        var widths = natural.Select((n, i) => wraps[i] ? least[i] : n).ToList();
        var spare = available - widths.Sum();
        var wanted = natural.Select((n, i) => wraps[i] ? n - least[i] : 0).ToList();
        var totalWanted = wanted.Sum();
        for (var i = 0; i < widths.Count && totalWanted > 0; i++)
        {
            widths[i] += (int)((long)spare * wanted[i] / totalWanted);
        }

        return [.. widths.Select(w => (int?)w)];
    }

    private void WriteBlocks(IAnsiConsole console, List<(string Header, int Index)> shown)
    {
        var headerWidth = shown.Max(c => c.Header.GetCellWidth());
        foreach (var row in _rows)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().Width(headerWidth)).AddColumn();
            foreach (var (header, index) in shown)
            {
                grid.AddRow(new Text(header, new Style(decoration: Decoration.Bold)), new Text(row[index]));
            }

            console.Write(grid);
            console.WriteLine();
        }
    }

    private static int LongestWord(string header, IEnumerable<string> values) =>
        values.Prepend(header)
            .SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.GetCellWidth())
            .DefaultIfEmpty(1)
            .Max();

    private void WriteLines(TextWriter writer)
    {
        writer.WriteLine(string.Join('\t', columns.Select(c => Escape(c.Header))));
        foreach (var row in _rows)
        {
            writer.WriteLine(string.Join('\t', row.Select(Escape)));
        }
    }

    private static string Escape(string value)
    {
        if (!value.AsSpan().ContainsAny('\t', '\n', '\r') && !value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            escaped.Append(c switch { '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", '\\' => "\\\\", _ => c.ToString() });
        }

        return escaped.ToString();
    }
}
