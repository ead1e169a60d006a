namespace BulkInvite.Core.Importing;

/// <summary>A configured limit of an organization was passed (RESOURCE_EXHAUSTED).</summary>
/// <param name="limit">Which limit, such as "upload size".</param>
public sealed class LimitExceededException(string organizationId, string limit, string message)
    : BulkInviteException(message)
{
    public string OrganizationId { get; } = organizationId;
    public string Limit { get; } = limit;
}
