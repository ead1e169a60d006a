using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

/// <summary>Keeps what a check writes, as the storage of one import would.</summary>
internal sealed class InMemoryCheckSink : ICheckSink
{
    private readonly HashSet<int> _rowNumbers = [];

    /// <summary>Every row staged, in the order written.</summary>
    public List<StagedUser> Rows { get; } = [];

    /// <summary>
    /// The rows whose address the check kept: valid, and the first row of that address (the rows a
    /// check staged before it kept every row). A row with another error is among them.
    /// </summary>
    public List<StagedUser> Staged =>
        [.. Rows.Where(r => r.NormalizedEmail is not null && !Diagnostics.Exists(d => d.RowNumber == r.RowNumber && d.Code == DiagnosticCode.DuplicateEmail))];

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The size of every Stage call, in order.</summary>
    public List<int> StageBatches { get; } = [];

    public string? StagedEmailAt(int rowNumber) => Rows.Find(u => u.RowNumber == rowNumber)?.NormalizedEmail;

    public void Stage(IReadOnlyList<StagedUser> users)
    {
        StageBatches.Add(users.Count);
        foreach (var user in users)
        {
            // Storage keys rows by their number: staging one twice is a bug in the checker.
            Assert.True(_rowNumbers.Add(user.RowNumber), $"Row {user.RowNumber} was staged twice.");
            Rows.Add(user);
        }
    }

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics) => Diagnostics.AddRange(diagnostics);
}
