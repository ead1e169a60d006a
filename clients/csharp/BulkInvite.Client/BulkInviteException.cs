using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace BulkInvite.Client;

/// <summary>
/// A call the BulkInvite service refused or could not answer. Subclasses say why; each carries the
/// gRPC status code and the decoded google.rpc.Status details the server sent.
/// </summary>
public class BulkInviteException : Exception
{
    /// <summary>Wraps a failed call: the status details are decoded from its trailers.</summary>
    protected BulkInviteException(RpcException exception)
        : this(exception, exception?.Status.Detail)
    {
    }

    /// <summary>Wraps a failed call with a message of the subclass's own, for statuses the server sends without one.</summary>
    protected BulkInviteException(RpcException exception, string? message)
        : base(message, exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        StatusCode = exception.StatusCode;
        RpcStatus = exception.GetRpcStatus() ?? new RpcStatus { Code = (int)exception.StatusCode, Message = exception.Status.Detail };
        ErrorInfo = RpcStatus.GetDetail<ErrorInfo>();
    }

    /// <summary>The gRPC status code of the failed call.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The google.rpc.Status the server sent, or one made from the status code and message when it sent none.</summary>
    public RpcStatus RpcStatus { get; }

    /// <summary>The google.rpc.ErrorInfo detail (domain bulkinvite.v1 and a stable reason), when the server sent one.</summary>
    public ErrorInfo? ErrorInfo { get; }

    /// <summary>The stable reason of <see cref="ErrorInfo"/>, such as IMPORT_NOT_FOUND; null when there is none.</summary>
    public string? Reason => ErrorInfo?.Reason;

    /// <summary>The typed exception for a failed call: one subclass per status the service documents.</summary>
    public static BulkInviteException FromRpcException(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode switch
        {
            StatusCode.InvalidArgument => new InvalidRequestException(exception),
            StatusCode.NotFound => NotFoundException.For(exception),
            StatusCode.FailedPrecondition => new FailedPreconditionException(exception),
            StatusCode.Aborted => new RowsChangedException(exception),
            StatusCode.ResourceExhausted => new QuotaExceededException(exception),
            _ when ServerUnavailableException.IsTransportFailure(exception) => new ServerUnavailableException(exception),
            StatusCode.Unauthenticated => new AuthenticationRequiredException(exception),
            StatusCode.PermissionDenied => new AccessDeniedException(exception),
            _ => new BulkInviteException(exception),
        };
    }
}
