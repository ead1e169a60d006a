using Grpc.Core;
using Grpc.Core.Interceptors;

namespace BulkInvite.Client;

/// <summary>
/// Adds <c>authorization: Bearer …</c> to every call. An interceptor rather than CallCredentials,
/// which Grpc.Net.Client only sends over TLS, while the server also runs on plain h2c.
/// </summary>
internal static class BearerTokenInterceptor
{
    public static CallInvoker WithBearerToken(this CallInvoker invoker, string? token) =>
        string.IsNullOrEmpty(token)
            ? invoker
            : invoker.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });
}
