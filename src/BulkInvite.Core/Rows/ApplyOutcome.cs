using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Rows;

/// <summary>What an applied import did with a valid row.</summary>
public enum ApplyOutcome
{
    /// <summary>The import is not applied yet.</summary>
    NotApplied = 0,
    Invited = 1,
    SkippedAlreadyMember = 2,
    SkippedAlreadyInvited = 3,
}
