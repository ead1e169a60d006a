namespace BulkInvite.Core.Checking;

/// <summary>The verdict on one user row before duplicates are known.</summary>
/// <param name="Row">The row's values as stored, whatever the verdict.</param>
public sealed record RowCheck(int RowNumber, List<Diagnostic> Diagnostics, StagedUser Row)
{
    /// <summary>The Email cell as read, before trimming: the value a duplicate diagnostic carries.</summary>
    public string RawEmail { get; init; } = "";

    /// <summary>The row's values when its address is valid (whatever the other cells hold); null otherwise.</summary>
    public StagedUser? User => Row.NormalizedEmail is null ? null : Row;

    public bool HasError => Diagnostics.Exists(d => d.IsError);

    /// <summary>The earlier row with the same address hash (<see cref="DuplicateIndex.Probe"/>), set as the row is validated; null when none.</summary>
    internal int? ProbableFirstRow { get; set; }
}
