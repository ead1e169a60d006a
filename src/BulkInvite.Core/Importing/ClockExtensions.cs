namespace BulkInvite.Core.Importing;

internal static class ClockExtensions
{
    /// <summary>The current time at the millisecond precision it is stored with, so what a call returns equals what a later read returns.</summary>
    public static DateTimeOffset Now(this TimeProvider clock) =>
        DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
}
