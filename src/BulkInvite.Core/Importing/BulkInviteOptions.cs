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

    /// <summary>The most uploads one organization may have in progress at once (RESOURCE_EXHAUSTED beyond).</summary>
    public int MaxConcurrentUploadsPerOrganization { get; set; } = 4;

    /// <summary>An upload stream that sends nothing for this long is cancelled and keeps nothing.</summary>
    public TimeSpan UploadIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Imports never applied are deleted, with their file and staged rows, this long after their upload.</summary>
    public TimeSpan ImportRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the retention purge looks for such imports.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The permissions ApplyPermissions accepts; empty means <see cref="PermissionCatalog.Defaults"/>.</summary>
    public List<PermissionDefinition> Permissions { get; init; } = [];
}

/// <summary>A permission that can be granted to a batch.</summary>
public sealed class PermissionDefinition
{
    public string Id { get; set; } = "";
    public string Description { get; set; } = "";
}
