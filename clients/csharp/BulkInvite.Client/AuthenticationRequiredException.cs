using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// UNAUTHENTICATED: the call carried no bearer token, or one the server does not accept (expired,
/// signed with another key, for another issuer or audience, or without its sub or org claim).
/// <see cref="BulkInviteException.Reason"/> says which when the server tells (its ErrorInfo reason:
/// TOKEN_MISSING, TOKEN_MALFORMED, TOKEN_EXPIRED, TOKEN_NOT_YET_VALID, TOKEN_SIGNATURE_INVALID,
/// TOKEN_ISSUER_INVALID or TOKEN_AUDIENCE_INVALID), and the message is then the server's.
/// </summary>
public sealed class AuthenticationRequiredException : BulkInviteException
{
    /// <summary>The message when the server refused the call with a bare HTTP 401, which says nothing about the token.</summary>
    internal const string RefusedWithoutReason =
        "The server refused the token: it answered HTTP 401 without saying why (the call had no bearer token, or one the server does not accept: expired, or issued for another server).";

    internal AuthenticationRequiredException(RpcException exception)
        : base(exception, HasErrorInfo(exception) ? exception.Status.Detail : RefusedWithoutReason)
    {
    }

    /// <summary>True when the server said why (an ErrorInfo reason and its own message), false for a bare HTTP 401.</summary>
    public bool IsExplained => ErrorInfo is not null;

    private static bool HasErrorInfo(RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>() is not null;
}
