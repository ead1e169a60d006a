using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

public class DuplicateIndexTests
{
    [Fact]
    public void RemembersTheFirstRowOfEachAddress()
    {
        var emails = new Dictionary<int, string>();
        var index = new DuplicateIndex();

        var results = new[] { (2, "a@x.com"), (3, "b@x.com"), (4, "a@x.com"), (5, "b@x.com"), (6, "a@x.com") }
            .Select(r => { emails.TryAdd(r.Item1, r.Item2); return index.FirstRowOf(r.Item2, r.Item1, row => emails[row]); })
            .ToList();

        Assert.Equal([null, null, 2, 3, 2], results);
    }

    [Fact]
    public void TellsApartDifferentAddressesWhoseHashesCollide()
    {
        var emails = new Dictionary<int, string>();
        var index = new DuplicateIndex(hash: _ => 42); // every address has the same hash

        var results = new[] { (2, "a@x.com"), (3, "b@x.com"), (4, "c@x.com"), (5, "b@x.com"), (6, "a@x.com"), (7, "c@x.com") }
            .Select(r => { emails.TryAdd(r.Item1, r.Item2); return index.FirstRowOf(r.Item2, r.Item1, row => emails[row]); })
            .ToList();

        Assert.Equal([null, null, null, 3, 2, 4], results);
    }
}
