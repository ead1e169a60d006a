namespace BulkInvite.Core.Importing;

/// <summary>The permissions that can be granted to invited users, from configuration or the defaults.</summary>
public sealed class PermissionCatalog
{
    public static IReadOnlyList<PermissionDefinition> Defaults { get; } =
    [
        new() { Id = "projects.view", Description = "See the organization's projects and their data." },
        new() { Id = "images.annotate", Description = "Annotate images in projects." },
        new() { Id = "annotations.review", Description = "Review, accept and reject annotations." },
        new() { Id = "models.train", Description = "Train models on the organization's data." },
        new() { Id = "models.deploy", Description = "Deploy trained models to production." },
        new() { Id = "members.invite", Description = "Invite users to the organization.", Privileged = true },
        new() { Id = "organization.admin", Description = "Administer the organization: members, permissions and settings.", Privileged = true },
    ];

    private readonly HashSet<string> _ids;

    public PermissionCatalog(BulkInviteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        All = options.Permissions.Count > 0 ? options.Permissions : Defaults;
        _ids = All.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (_ids.Count != All.Count || _ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Permission ids in BulkInvite:Permissions must be unique and not empty.", nameof(options));
        }
    }

    public IReadOnlyList<PermissionDefinition> All { get; }

    /// <summary>The catalog entry of a permission id, or null for an id not in it.</summary>
    public PermissionDefinition? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    /// <summary>
    /// The requested permissions, deduplicated and sorted, or INVALID_ARGUMENT naming every
    /// unknown id by its index in the request.
    /// </summary>
    public IReadOnlyList<string> Validate(IReadOnlyList<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (requested.Count == 0)
        {
            throw new InvalidRequestException("permissions", "Grant at least one permission; ListPermissions gives the ids.");
        }

        var violations = requested
            .Select((id, index) => (id, index))
            .Where(p => !_ids.Contains(p.id))
            .Select(p => new FieldViolation($"permissions[{p.index}]", $"\"{p.id}\" is not a known permission; ListPermissions gives the ids."))
            .ToList();
        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }

        return requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
