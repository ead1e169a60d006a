using System.Diagnostics;
using System.Globalization;

namespace BulkInvite.Bench;

/// <summary>
/// The physical anchor: the sqlite3 shell's `.import --csv` of the same file into a table with a
/// unique index on email, timed and measured by GNU time (`%e` seconds, `%M` peak KiB).
/// </summary>
public static class SqliteBaseline
{
    public static async Task<(double Seconds, long PeakBytes)> RunAsync(string csvPath, string folder)
    {
        var database = Path.Combine(folder, "baseline.db");
        File.Delete(database);
        var script = Path.Combine(folder, "baseline.sql");
        await File.WriteAllTextAsync(script,
            "CREATE TABLE users (email TEXT NOT NULL, first_name TEXT, last_name TEXT, description TEXT);\n" +
            "CREATE UNIQUE INDEX ux_users_email ON users (email);\n" +
            $".import --csv --skip 1 '{csvPath}' users\n");
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList = { "-f", "%e %M", "sqlite3", database, ".read " + script },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync(); // duplicates fail their insert and are reported here
        await process.WaitForExitAsync();
        _ = await output;
        var last = error.TrimEnd().Split('\n')[^1].Split(' ');
        File.Delete(database);
        return (double.Parse(last[0], CultureInfo.InvariantCulture), long.Parse(last[1], CultureInfo.InvariantCulture) * 1024);
    }
}
