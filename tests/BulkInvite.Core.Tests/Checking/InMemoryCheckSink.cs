using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

/// <summary>Keeps what a check writes, as the storage of one import would.</summary>
internal sealed class InMemoryCheckSink : ICheckSink
{
    private readonly Dictionary<string, StagedUser> _staged = new(StringComparer.Ordinal);

    public List<StagedUser> Staged { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The size of every Stage call, in order.</summary>
    public List<int> StageBatches { get; } = [];

    public string? StagedEmailAt(int rowNumber) => Staged.Find(u => u.RowNumber == rowNumber)?.NormalizedEmail;

    public void Stage(IReadOnlyList<StagedUser> users)
    {
        StageBatches.Add(users.Count);
        foreach (var user in users)
        {
            // Storage has a unique key on the address: staging one twice is a bug in the checker.
            _staged.Add(user.NormalizedEmail, user);
            Staged.Add(user);
        }
    }

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics) => Diagnostics.AddRange(diagnostics);
}
