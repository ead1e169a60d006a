namespace BulkInvite.Core.Importing;

/// <summary>The service's limits and catalog, bound from the "BulkInvite" configuration section.</summary>
public sealed class BulkInviteOptions
{
    public const string SectionName = "BulkInvite";

    /// <summary>The largest chunk of an upload stream, fixed by the contract.</summary>
    public const int MaxChunkBytes = 1024 * 1024;

    /// <summary>The largest file accepted; an upload fails with RESOURCE_EXHAUSTED as soon as it passes it.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The most user rows a file may have (TOO_MANY_ROWS beyond).</summary>
    public int MaxRows { get; set; } = 1_000_000;

    /// <summary>The largest CSV record read; a longer one (often an unclosed quote) makes the file unreadable.</summary>
    public int MaxCsvRecordBytes { get; set; } = 1024 * 1024;

    /// <summary>How long an invitation stays valid.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The permissions ApplyPermissions accepts; empty means <see cref="PermissionCatalog.Defaults"/>.</summary>
    public List<PermissionDefinition> Permissions { get; init; } = [];
}

/// <summary>A permission that can be granted to a batch.</summary>
public sealed class PermissionDefinition
{
    public string Id { get; set; } = "";
    public string Description { get; set; } = "";
}
