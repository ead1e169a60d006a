namespace BulkInvite.Core.Importing;

/// <summary>
/// A request the service refuses for a reason the caller can act on. The gRPC layer maps each
/// subclass to one status code in one place; nothing else throws to callers on purpose.
/// </summary>
public abstract class BulkInviteException : Exception
{
    protected BulkInviteException(string message)
        : base(message)
    {
    }
}

/// <summary>One field of a request and what is wrong with it.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>The request itself is wrong (INVALID_ARGUMENT).</summary>
public sealed class InvalidRequestException : BulkInviteException
{
    public InvalidRequestException(IReadOnlyList<FieldViolation> violations)
        : base(string.Join(" ", violations.Select(v => v.Description)))
    {
        Violations = violations;
    }

    public InvalidRequestException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }
}

/// <summary>No import with this id (NOT_FOUND).</summary>
public sealed class ImportNotFoundException(string importId)
    : BulkInviteException($"Import \"{importId}\" was not found.")
{
    public string ImportId { get; } = importId;
}

/// <summary>The import is not in a state that allows the operation (FAILED_PRECONDITION).</summary>
/// <param name="reason">The unmet condition, such as <see cref="ErrorReason.ImportNotChecked"/>.</param>
public sealed class ImportStateException(string importId, ErrorReason reason, string message)
    : BulkInviteException(message)
{
    public string ImportId { get; } = importId;
    public ErrorReason Reason { get; } = reason;
}

/// <summary>A configured limit of an organization was passed (RESOURCE_EXHAUSTED).</summary>
/// <param name="limit">Which limit, such as "upload size".</param>
public sealed class LimitExceededException(string organizationId, string limit, string message)
    : BulkInviteException(message)
{
    public string OrganizationId { get; } = organizationId;
    public string Limit { get; } = limit;
}

/// <summary>The caller is authenticated but may not do this (PERMISSION_DENIED).</summary>
/// <param name="missingPermissions">The permissions the caller would need and lacks; empty when the problem is not one of permissions.</param>
public sealed class PermissionDeniedException(IReadOnlyList<string> missingPermissions, string message)
    : BulkInviteException(message)
{
    public IReadOnlyList<string> MissingPermissions { get; } = missingPermissions;
}

/// <summary>An upload sent nothing for too long; it was abandoned and nothing was kept (DEADLINE_EXCEEDED).</summary>
public sealed class UploadIdleException(TimeSpan idle)
    : BulkInviteException($"The upload sent nothing for {idle.TotalSeconds:0} s, so it was cancelled and nothing was kept. Upload the file again.")
{
    public TimeSpan Idle { get; } = idle;
}
