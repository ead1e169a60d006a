namespace BulkInvite.Core.Invitations;

/// <summary>The delivery of an invitation's latest email, as the outbox records it.</summary>
public sealed record Delivery(DeliveryState State, int Attempts, string LastError, DateTimeOffset? NextAttemptTime, DateTimeOffset? SentTime)
{
    /// <summary>An invitation without an email (one made before emails were sent).</summary>
    public static Delivery None { get; } = new(DeliveryState.Unspecified, 0, "", null, null);
}
