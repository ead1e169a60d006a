using System.Diagnostics;
using System.Globalization;
using System.Text;
using BulkInvite.V1;

namespace BulkInvite.Bench;

/// <summary>One email drain: how fast, and how large the write-ahead log and the server grew meanwhile.</summary>
/// <param name="StartWalBytes">The log as the check and the apply left it, when the drain began.</param>
/// <param name="PeakWalBytes">The largest the log was after the drain's first second, once it could have started over.</param>
public sealed record DrainMeasurement(int Emails, double Seconds, long StartWalBytes, long PeakWalBytes, long IdleWalBytes, long PeakResidentBytes, long IdleResidentBytes);

/// <summary>
/// The emails of one applied import going out in the default pickup mode: the dispatcher writes one
/// .eml file per invitation while the server's SQLite file takes every claim, token and
/// acknowledgement. Sampled from outside the process (the -wal file's size, /proc's VmRSS and
/// VmHWM) so the measuring never holds a read snapshot of its own.
/// </summary>
public static class EmailDrain
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the server is left idle after the drain before the WAL and RSS are read again.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(12);

    public static async Task<DrainMeasurement> RunAsync(ServerUnderTest server, string path)
    {
        using var client = server.ClientFor("acme");
        var import = await client.UploadFileAsync(path, "acme");
        await client.Generated.CheckImportAsync(new CheckImportRequest { ImportId = import.ImportId });
        var applied = await client.ApplyAsync(import.ImportId, ["projects.view"]);
        var emails = applied.InvitedCount;

        var wal = Path.Combine(server.Folder, "data", "bulkinvite.db-wal");
        var mail = Path.Combine(server.Folder, "data", "mail");
        var watch = Stopwatch.StartNew();
        var startWal = SizeOf(wal);
        long peakWal = 0;
        long peakRss = 0;
        var lastCount = TimeSpan.Zero;
        while (true)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(1))
            {
                peakWal = Math.Max(peakWal, SizeOf(wal));
            }

            peakRss = Math.Max(peakRss, server.ResidentBytes());
            // Counting 100,000 directory entries costs a little: not at every sample.
            if (watch.Elapsed - lastCount > TimeSpan.FromMilliseconds(500))
            {
                lastCount = watch.Elapsed;
                if (Sent(mail) >= emails)
                {
                    break;
                }
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException($"{Sent(mail)} of {emails} emails were written in 30 minutes.");
            }

            await Task.Delay(Sample);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        await Task.Delay(Idle);
        return new DrainMeasurement(emails, seconds, startWal, peakWal, SizeOf(wal), Math.Max(peakRss, server.PeakResidentBytes()), server.ResidentBytes());
    }

    public static void Print(string label, DrainMeasurement m)
    {
        var table = new StringBuilder();
        table.AppendLine("| case | emails | seconds | emails/s | WAL at start | peak WAL | WAL when idle | server peak RSS | RSS when idle |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {m.Emails:N0} | {m.Seconds:0.0} | {m.Emails / m.Seconds:N0} | {m.StartWalBytes / 1048576.0:0.0} MB | {m.PeakWalBytes / 1048576.0:0.0} MB | {m.IdleWalBytes:N0} bytes | {m.PeakResidentBytes / 1048576.0:0} MB | {m.IdleResidentBytes / 1048576.0:0} MB |"));
        Console.Write(table);
    }

    private static int Sent(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml").Count() : 0;

    private static long SizeOf(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? info.Length : 0;
    }
}
