using BulkInvite.Core.Reading;

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

    /// <summary>The longest CSV record read; a longer row (often an unclosed quote) is a row error and reading resumes after it.</summary>
    public int MaxCsvRecordBytes { get; set; } = ReadingLimits.Default.MaxCsvRecordBytes;

    /// <summary>The longest CSV field; a longer one is a VALUE_TOO_LONG row error, never a buffer that grows without end.</summary>
    public int MaxCsvFieldBytes { get; set; } = ReadingLimits.Default.MaxCsvFieldBytes;

    /// <summary>The most bytes an xlsx may inflate to, counted while inflating; null means 10 × <see cref="MaxUploadBytes"/>.</summary>
    public long? MaxInflatedBytes { get; set; }

    /// <summary>The highest compression ratio of one xlsx part (100 means 100:1).</summary>
    public int MaxCompressionRatio { get; set; } = ReadingLimits.Default.MaxCompressionRatio;

    /// <summary>The most entries an xlsx zip may have.</summary>
    public int MaxZipEntries { get; set; } = ReadingLimits.Default.MaxZipEntries;

    /// <summary>The largest shared-strings table of an xlsx, in inflated bytes.</summary>
    public long MaxSharedStringsBytes { get; set; } = ReadingLimits.Default.MaxSharedStringsBytes;

    /// <summary>The most cells (rows × columns of the used range) of the sheet read from an xlsx or xls.</summary>
    public long MaxSheetCells { get; set; } = ReadingLimits.Default.MaxSheetCells;

    /// <summary>The reading limits these options configure.</summary>
    public ReadingLimits ToReadingLimits() => new()
    {
        MaxCsvRecordBytes = MaxCsvRecordBytes,
        MaxCsvFieldBytes = MaxCsvFieldBytes,
        MaxInflatedBytes = MaxInflatedBytes ?? 10 * MaxUploadBytes,
        MaxCompressionRatio = MaxCompressionRatio,
        MaxZipEntries = MaxZipEntries,
        MaxSharedStringsBytes = MaxSharedStringsBytes,
        MaxSheetCells = MaxSheetCells,
    };

    /// <summary>
    /// Whether a streamed upload (UploadImportFile) of UTF-8 CSV is checked while it arrives, so that
    /// CheckImport finds the rows staged already (docs/configuration.md). Resumable uploads are
    /// checked at CheckImport either way.
    /// </summary>
    public bool CheckWhileUploading { get; set; } = true;

    /// <summary>How often StreamCheckImport reports a running check's progress.</summary>
    public TimeSpan CheckProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

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

    /// <summary>
    /// Organizations' names for people, by organization id ("BulkInvite:OrganizationNames:acme" =
    /// "ACME Corp"): used when a token carries no org_name claim.
    /// </summary>
    public Dictionary<string, string> OrganizationNames { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The organization's name for people: the caller's org_name claim, the configured name, or the id.</summary>
    public string OrganizationDisplayName(Access.Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return !string.IsNullOrWhiteSpace(caller.OrganizationName) ? caller.OrganizationName : OrganizationDisplayName(caller.OrganizationId);
    }

    /// <summary>The organization's name for people when no token names it: the configured name, or the id.</summary>
    public string OrganizationDisplayName(string organizationId) =>
        OrganizationNames.TryGetValue(organizationId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : organizationId;
}
