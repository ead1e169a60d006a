using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// UNAUTHENTICATED: the call carried no bearer token, or one the server does not accept (expired,
/// signed with another key, for another issuer or audience, or without its sub or org claim).
/// </summary>
public sealed class AuthenticationRequiredException : BulkInviteException
{
    internal AuthenticationRequiredException(RpcException exception)
        // The server's refusal is a bare HTTP 401, whose status detail says nothing about the token.
        : base(exception, "The server needs a valid bearer token: the call had none, or one the server does not accept (expired, or issued for another server).")
    {
    }
}
