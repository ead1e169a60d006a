namespace BulkInvite.Core.Invitations;

/// <summary>Where an invitation email is; the numbers are those of <c>bulkinvite.v1.DeliveryState</c>.</summary>
public enum DeliveryState
{
    Unspecified = 0,
    Queued = 1,
    Sent = 2,
    Failed = 3,
    Cancelled = 4,
}
