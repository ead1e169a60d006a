namespace BulkInvite.Core.Importing;

/// <summary>A configured limit was passed (RESOURCE_EXHAUSTED).</summary>
/// <param name="subject">What the limit applies to, such as "upload size".</param>
public sealed class LimitExceededException(string subject, string message)
    : BulkInviteException(message)
{
    public string Subject { get; } = subject;
}
