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
