namespace BulkInvite.Core.Checking;

/// <summary>The verdict on one user row before duplicates are known.</summary>
/// <param name="User">The row's values when its address is valid (whatever the other cells hold); null otherwise.</param>
public sealed record RowCheck(int RowNumber, List<Diagnostic> Diagnostics, StagedUser? User)
{
    /// <summary>The Email cell as read, before trimming: the value a duplicate diagnostic carries.</summary>
    public string RawEmail { get; init; } = "";

    public bool HasError => Diagnostics.Exists(d => d.IsError);
}
