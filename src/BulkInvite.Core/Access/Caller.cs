namespace BulkInvite.Core.Access;

/// <summary>
/// Who is calling, from their verified token: the subject, the one organization they act for, and
/// the permissions they hold there; names for people when the token carries them.
/// </summary>
public sealed record Caller(string Subject, string OrganizationId, IReadOnlySet<string> Permissions)
{
    public const string Admin = "organization.admin";
    public const string Inviter = "members.invite";

    /// <summary>The token's <c>name</c> claim, when it has one.</summary>
    public string? Name { get; init; }

    /// <summary>The token's <c>org_name</c> claim (the organization's name for people), when it has one.</summary>
    public string? OrganizationName { get; init; }

    /// <summary>The caller's name for people: the name claim, else the subject.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Subject : Name;

    /// <summary>Whether the caller may import and invite.</summary>
    public bool CanInvite => Holds(Inviter);

    /// <summary>Whether the caller holds a permission; an organization admin holds them all.</summary>
    public bool Holds(string permission) => Permissions.Contains(Admin) || Permissions.Contains(permission);

    /// <summary>The system itself, for work no person asked for (the retention purge).</summary>
    public static Caller System(string organizationId) => new("system", organizationId, new HashSet<string> { Admin });
}
