using BenchmarkDotNet.Attributes;
using BulkInvite.Core.Checking;

namespace BulkInvite.MicroBench;

/// <summary>The email rule on the addresses that dominate real files, and on the costly kinds.</summary>
[MemoryDiagnoser]
public class EmailRuleBenchmarks
{
    [Params("ann.lee@example.com", "Ann.Lee+tag@Mail.Example.co.uk", "user@münchen.de", "zoë@example.com", "not-an-email")]
    public string Address { get; set; } = "";

    [Benchmark]
    public bool Check() => EmailAddressRule.Check(Address).IsValid;
}
