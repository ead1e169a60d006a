using System.Text;
using BenchmarkDotNet.Attributes;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;

namespace BulkInvite.MicroBench;

/// <summary>Reading and checking 10,000 rows of a realistic CSV, in memory: the parser alone, then with every rule.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _csv = [];

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("Email,First name,Last name,Description\r\n");
        string[] first = ["Inès", "Bjørn", "明", "Олег", "Σοφία", "Marie", "José"];
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"user.{i}@example{i % 7}.com,{first[i % first.Length]},Surname{i},{(i % 3 == 0 ? "Annotator" : "")}\r\n");
        }

        _csv = Encoding.UTF8.GetBytes(text.ToString());
    }

    [Benchmark]
    public int ReadRows()
    {
        using var reader = new CsvSheetReader(new MemoryStream(_csv), 1 << 20);
        var rows = 0;
        while (reader.ReadRow() is not null)
        {
            rows++;
        }

        return rows;
    }

    [Benchmark]
    public int CheckRows()
    {
        using var reader = new CsvSheetReader(new MemoryStream(_csv), 1 << 20);
        return new UserFileChecker(1_000_000).Check(reader, new NullSink(), CancellationToken.None).ValidRows;
    }

    private sealed class NullSink : ICheckSink
    {
        public string? StagedEmailAt(int rowNumber) => null;

        public void Stage(IReadOnlyList<StagedUser> users)
        {
        }

        public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
        {
        }
    }
}
