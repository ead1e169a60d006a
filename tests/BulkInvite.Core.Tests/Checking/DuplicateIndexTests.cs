using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

public class DuplicateIndexTests
{
    [Fact]
    public void RemembersTheFirstRowOfEachAddress()
    {
        var index = new DuplicateIndex();

        var results = FirstRows(index, [(2, "a@x.com"), (3, "b@x.com"), (4, "a@x.com"), (5, "b@x.com"), (6, "a@x.com")]);

        Assert.Equal([null, null, 2, 3, 2], results);
    }

    [Fact]
    public void TellsApartDifferentAddressesWhoseHashesCollide()
    {
        var index = new DuplicateIndex(hash: _ => 42); // every address has the same hash

        var results = FirstRows(index, [(2, "a@x.com"), (3, "b@x.com"), (4, "c@x.com"), (5, "b@x.com"), (6, "a@x.com"), (7, "c@x.com")]);

        Assert.Equal([null, null, null, 3, 2, 4], results);
    }

    [Fact]
    public void ProbingAheadOfConfirmingGivesTheSameFirstRowsAsOneRowAtATime()
    {
        (int, string)[] rows = [(2, "a@x.com"), (3, "b@x.com"), (4, "c@x.com"), (5, "b@x.com"), (6, "a@x.com"), (7, "c@x.com"), (8, "d@x.com"), (9, "d@x.com")];
        var emails = rows.ToDictionary(r => r.Item1, r => r.Item2);
        var oneAtATime = new DuplicateIndex(hash: e => e == "d@x.com" ? 7UL : 42UL);
        var ahead = new DuplicateIndex(hash: e => e == "d@x.com" ? 7UL : 42UL);

        var expected = rows.Select(r => oneAtATime.Probe(r.Item2, r.Item1) is { } probable ? oneAtATime.Confirm(r.Item2, r.Item1, probable, row => emails[row]) : null).ToList();
        var results = FirstRows(ahead, rows);

        Assert.Equal([null, null, null, 3, 2, 4, null, 8], expected);
        Assert.Equal(expected, results);
    }

    /// <summary>As a check runs: every row probed first (the validating thread runs ahead), then each confirmed in row order.</summary>
    private static List<int?> FirstRows(DuplicateIndex index, (int Row, string Email)[] rows)
    {
        var emails = rows.ToDictionary(r => r.Row, r => r.Email);
        var probes = rows.Select(r => index.Probe(r.Email, r.Row)).ToList();
        return rows.Select((r, i) => probes[i] is { } probable ? index.Confirm(r.Email, r.Row, probable, row => emails[row]) : null).ToList();
    }
}
