using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Importing;

/// <summary>One uploaded file of users, as stored.</summary>
public sealed record ImportRecord
{
    public required string ImportId { get; init; }
    public required string OrganizationId { get; init; }
    public required string FileName { get; init; }
    public required FileFormat Format { get; init; }
    public required long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public required ImportState State { get; init; }
    public int TotalRows { get; init; }
    public int ValidRows { get; init; }
    public int InvalidRows { get; init; }
    public int InvitedCount { get; init; }

    /// <summary>Valid rows not invited at apply: <see cref="SkippedAlreadyInvitedCount"/> + <see cref="SkippedAlreadyMemberCount"/>.</summary>
    public int SkippedCount { get; init; }

    /// <summary>Valid rows with at least one warning diagnostic.</summary>
    public int WarningRows { get; init; }

    /// <summary>Valid rows whose address had a pending invitation when the import was checked or the row last changed.</summary>
    public int AlreadyInvitedRows { get; init; }

    /// <summary>Valid rows whose address was a member's when the import was checked or the row last changed.</summary>
    public int AlreadyMemberRows { get; init; }

    /// <summary>Of <see cref="SkippedCount"/>: rows skipped at apply because the address had a pending invitation.</summary>
    public int SkippedAlreadyInvitedCount { get; init; }

    /// <summary>Of <see cref="SkippedCount"/>: rows skipped at apply because the address was a member's.</summary>
    public int SkippedAlreadyMemberCount { get; init; }

    /// <summary>The permissions granted at apply, sorted; empty before.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>The request_id of the ApplyPermissions call that applied the import, if it had one.</summary>
    public string? ApplyRequestId { get; init; }

    public required DateTimeOffset CreateTime { get; init; }
    public required DateTimeOffset UpdateTime { get; init; }
}
