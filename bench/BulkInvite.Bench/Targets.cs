using System.Globalization;
using System.Text;

namespace BulkInvite.Bench;

/// <summary>One target of issue 14, what the run measured for it, and whether it is met.</summary>
public sealed record Target(string Name, string Measured, bool Met);

/// <summary>Every target of issue 14 against the measurements of one run of the benchmark.</summary>
public static class Targets
{
    private const double MiB = 1048576.0;

    // Issue 13 §2: the email drain keeps the write-ahead log and the server's memory bounded.
    private const double DrainWalLimit = 128 * MiB;
    private const double DrainResidentLimit = 300 * MiB;

    public static IReadOnlyList<Target> Of(Measurement csv, Measurement smallCsv, Measurement xlsx, Measurement pages, Measurement many, Measurement postgres, DrainMeasurement drain)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(smallCsv);
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(many);
        ArgumentNullException.ThrowIfNull(postgres);
        ArgumentNullException.ThrowIfNull(drain);
        var endToEnd = Ratio(csv);
        var memoryGrowth = (double)csv.PeakBytes / smallCsv.PeakBytes;
        return
        [
            new($"{csv.Rows:N0}-row CSV end to end ≤ 1.5× sqlite3 .import", F($"{endToEnd:0.00}× ({csv.Seconds:0.00} s against {csv.ComparedWith!.Seconds:0.00} s)"), endToEnd <= 1.5),
            new("… stretch: ≤ 1.2×", F($"{endToEnd:0.00}×"), endToEnd <= 1.2),
            new($"Server peak RSS ≤ 200 MB at {csv.Rows:N0} rows", F($"{csv.PeakBytes / MiB:0} MB"), csv.PeakBytes <= 200 * MiB),
            new($"… and ≤ 1.5× its {smallCsv.Rows:N0}-row peak", F($"{memoryGrowth:0.00}× ({smallCsv.PeakBytes / MiB:0} MB)"), memoryGrowth <= 1.5),
            new($"Email drain of {drain.Emails:N0} emails: peak WAL < 128 MB, peak RSS < 300 MB, WAL emptied when idle",
                F($"{drain.Emails / drain.Seconds:N0} emails/s; WAL {drain.PeakWalBytes / MiB:0.0} MB, RSS {drain.PeakResidentBytes / MiB:0} MB, idle WAL {drain.IdleWalBytes:N0} bytes"),
                drain.PeakWalBytes < DrainWalLimit && drain.PeakResidentBytes < DrainResidentLimit && drain.IdleWalBytes == 0),
            new($"{many.Case}: zero failed calls", F($"{many.Failures} failed"), many.Failures == 0),
            new($"{postgres.Rows:N0}-row CSV end to end on PostgreSQL ≤ 2× psql \\copy", F($"{Ratio(postgres):0.00}× ({postgres.Seconds:0.00} s against {postgres.ComparedWith!.Seconds:0.00} s)"), Ratio(postgres) <= 2),
            new($"{xlsx.Rows:N0}-row XLSX ≤ 3× its CSV", F($"{Ratio(xlsx):0.00}×"), Ratio(xlsx) <= 3),
            new("Every diagnostics page < 50 ms", F($"slowest {pages.Worst * 1000:0.0} ms, median {pages.Seconds * 1000:0.0} ms"), pages.Worst < 0.050),
        ];
    }

    public static void Print(IReadOnlyList<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var table = new StringBuilder();
        table.AppendLine("| target (issue 14) | measured | |");
        table.AppendLine("|---|---|---|");
        foreach (var target in targets)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {target.Name} | {target.Measured} | {(target.Met ? "met" : "missed")} |");
        }

        Console.Write(table);
        Console.WriteLine(F($"{targets.Count(t => t.Met)} of {targets.Count} met."));
    }

    private static double Ratio(Measurement m) => m.ComparedWith is { Seconds: > 0 } reference ? m.Seconds / reference.Seconds : double.NaN;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
