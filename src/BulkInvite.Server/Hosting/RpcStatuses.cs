using System.Globalization;
using BulkInvite.Core.Importing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using Status = Google.Rpc.Status;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// The server's one builder of google.rpc.Status: a code, a message a person reads, an ErrorInfo in
/// the bulkinvite.v1 domain whose reason programs read, and an optional second detail. Statuses of
/// calls that reach a service are thrown by <see cref="ErrorMappingInterceptor"/>; those decided
/// before (authentication, the rate limiter) are written as trailers-only responses here.
/// </summary>
internal static class RpcStatuses
{
    public const string Domain = "bulkinvite.v1";

    private const string ReasonPrefix = "ERROR_REASON_";

    private static readonly Google.Protobuf.Reflection.EnumDescriptor Reasons =
        V1.ErrorReasonReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>(nameof(V1.ErrorReason));

    /// <summary>
    /// The reason as ErrorInfo says it: the bulkinvite.v1.ErrorReason value's name without its
    /// prefix (Core's <see cref="ErrorReason"/> shares the proto's numbers).
    /// </summary>
    public static string ReasonName(ErrorReason reason) =>
        Reasons.FindValueByNumber((int)reason) is { } value
            ? value.Name[ReasonPrefix.Length..]
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a bulkinvite.v1.ErrorReason.");

    public static Status Create(Code code, string message, ErrorReason reason, IMessage? detail = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var info = new ErrorInfo { Reason = ReasonName(reason), Domain = Domain };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            info.Metadata[key] = value;
        }

        var status = new Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }

    /// <summary>
    /// Answers a gRPC or gRPC-Web call that no service will see with <paramref name="status"/>: a
    /// trailers-only response (HTTP 200, grpc-status, grpc-message and grpc-status-details-bin as
    /// headers), which every gRPC client reads as the call's status, unlike a bare HTTP 401 or 429.
    /// </summary>
    public static Task WriteTrailersOnlyAsync(HttpContext http, Status status)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(status);
        http.Response.StatusCode = StatusCodes.Status200OK;
        // A gRPC-Web call reaches here translated to gRPC by UseGrpcWeb, which translates the answer back.
        http.Response.ContentType = "application/grpc";
        http.Response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        http.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }

    /// <summary>Whether the request is a gRPC or gRPC-Web call (content type application/grpc…).</summary>
    public static bool IsGrpc(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
    }
}
