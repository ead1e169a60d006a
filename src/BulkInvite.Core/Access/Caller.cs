namespace BulkInvite.Core.Access;

/// <summary>
/// Who is calling, from their verified token: the subject, the one organization they act for, and
/// the permissions they hold there.
/// </summary>
public sealed record Caller(string Subject, string OrganizationId, IReadOnlySet<string> Permissions)
{
    public const string Admin = "organization.admin";
    public const string Inviter = "members.invite";

    /// <summary>Whether the caller holds a permission; an organization admin holds them all.</summary>
    public bool Holds(string permission) => Permissions.Contains(Admin) || Permissions.Contains(permission);

    /// <summary>The system itself, for work no person asked for (the retention purge).</summary>
    public static Caller System(string organizationId) => new("system", organizationId, new HashSet<string> { Admin });
}
