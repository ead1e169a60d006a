using BulkInvite.Client;
using BulkInvite.V1;

namespace BulkInvite.Cli.Output;

/// <summary>
/// What applying an import will do and did, in words: the question, the plan and the result all
/// count the rows the check says will be skipped (ALREADY_INVITED, ALREADY_MEMBER) apart.
/// </summary>
internal static class InviteText
{
    /// <summary>Invite 175 users to acme with projects.view? (17 will be skipped: already invited)</summary>
    public static string Question(CheckResult check, string organization, IReadOnlyList<string> permissions) =>
        $"Invite {Users(check.RowsToInvite)} to {organization} with {string.Join(", ", permissions)}?" +
        (check.RowsToSkip > 0 ? $" ({check.RowsToSkip} will be skipped: {SkipReason(check)})" : "");

    /// <summary>
    /// Every invited person will be able to invite others to acme. (What each privileged permission
    /// lets every person of the batch do, in words: the catalog's own description for one this tool
    /// does not know.)
    /// </summary>
    public static string Privileged(IReadOnlyList<Permission> privileged, string organization)
    {
        var abilities = privileged.Select(p => p.Id switch
        {
            "members.invite" => $"invite others to {organization}",
            "organization.admin" => $"administer {organization} (its members, permissions and settings)",
            _ => $"hold {p.Id} ({p.Description.TrimEnd('.')})",
        });
        return $"Every invited person will be able to {string.Join(" and ", abilities)}.";
    }

    /// <summary>175 users will be invited; 17 will be skipped (already invited).</summary>
    public static string Plan(CheckResult check) =>
        $"{Users(check.RowsToInvite)} will be invited" + (check.RowsToSkip > 0 ? $"; {check.RowsToSkip} will be skipped ({SkipReason(check)})." : ".");

    /// <summary>Nobody to invite: all 192 valid rows are already invited or members.</summary>
    public static string NobodyToInvite(CheckResult check)
    {
        var valid = check.Import.ValidRows;
        var subject = valid == 1 ? "the one valid row is" : $"all {valid} valid rows are";
        var what = (check.AlreadyInvitedRows, check.AlreadyMemberRows) switch
        {
            (> 0, 0) => "already invited",
            (0, > 0) => valid == 1 ? "already a member" : "already members",
            _ => "already invited or members",
        };
        return $"Nobody to invite: {subject} {what}.";
    }

    /// <summary>175 users invited to acme (17 skipped: already invited)</summary>
    public static string Result(ApplyPermissionsResponse applied, CheckResult check, string organization)
    {
        // The check's reasons hold when its count does; otherwise invitations changed in between.
        var reason = applied.SkippedCount == check.RowsToSkip && check.RowsToSkip > 0 ? SkipReason(check) : "already invited or members";
        return $"{Users(applied.InvitedCount)} invited to {organization}" + (applied.SkippedCount > 0 ? $" ({applied.SkippedCount} skipped: {reason})" : "");
    }

    /// <summary>already invited; already members; 15 already invited, 2 already members</summary>
    public static string SkipReason(CheckResult check) => (check.AlreadyInvitedRows, check.AlreadyMemberRows) switch
    {
        (_, 0) => "already invited",
        (0, var members) => members == 1 ? "already a member" : "already members",
        var (invited, members) => $"{invited} already invited, {members} already {(members == 1 ? "a member" : "members")}",
    };

    public static string Users(int count) => DiagnosticsView.Plural(count, "user");
}
