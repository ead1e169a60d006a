using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// Runs calls with the client's options: a deadline per attempt, retries of transient failures with
/// exponential backoff for calls that can safely be repeated, and typed exceptions for the rest.
/// </summary>
internal sealed class CallRunner(BulkInviteClientOptions options)
{
    public CallOptions Options(CancellationToken cancellationToken) =>
        new(deadline: options.AttemptTimeout is { } timeout ? DateTime.UtcNow + timeout : null, cancellationToken: cancellationToken);

    /// <summary>Runs a call that may be repeated: UNAVAILABLE and DEADLINE_EXCEEDED are retried.</summary>
    public async Task<T> RetryingAsync<T>(Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(Options(cancellationToken));
            }
            catch (RpcException e) when (IsTransient(e) && attempt < options.MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
            catch (RpcException e)
            {
                throw Translate(e, cancellationToken);
            }
        }
    }

    /// <summary>Runs a call once.</summary>
    public async Task<T> OnceAsync<T>(Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(Options(cancellationToken));
        }
        catch (RpcException e)
        {
            throw Translate(e, cancellationToken);
        }
    }

    /// <summary>The typed exception for a failed call; a call the caller cancelled is an OperationCanceledException.</summary>
    public static Exception Translate(RpcException exception, CancellationToken cancellationToken) =>
        exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested
            ? new OperationCanceledException("The call was cancelled.", exception, cancellationToken)
            : BulkInviteException.FromRpcException(exception);

    /// <summary>How long a resumable upload keeps trying to reach the server after a failed write.</summary>
    public TimeSpan ResumeWithin => options.ResumeWithin;

    /// <summary>Whether the call failed because the server could not be reached, rather than refused it: worth resuming after.</summary>
    public static bool IsUnreachable(RpcException exception) => ServerUnavailableException.IsTransportFailure(exception);

    /// <summary>Waits before attempt <paramref name="attempt"/> + 1: exponential, capped, with jitter.</summary>
    public Task BackoffAsync(int attempt, CancellationToken cancellationToken) => Task.Delay(Backoff(attempt), cancellationToken);

    private static bool IsTransient(RpcException exception) =>
        exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.InitialBackoff * Math.Pow(2, attempt - 1);
        var capped = exponential < options.MaxBackoff ? exponential : options.MaxBackoff;
        // Jitter spreads the retries of many clients that failed together.
#pragma warning disable CA5394 // Not security-sensitive.
        return capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }
}
