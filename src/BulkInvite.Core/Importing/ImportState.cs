namespace BulkInvite.Core.Importing;

/// <summary>Where an import is in the flow; the numbers are those of <c>bulkinvite.v1.ImportState</c>.</summary>
public enum ImportState
{
    Unspecified = 0,
    Uploaded = 1,
    Checked = 2,
    Rejected = 3,
    Applied = 4,
}
