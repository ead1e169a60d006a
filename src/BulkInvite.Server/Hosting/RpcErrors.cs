using BulkInvite.Core.Importing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Status = Google.Rpc.Status;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// Builds the google.rpc.Status of every error the server sends, wherever it is sent from (the
/// error interceptor, the rate limiter, authentication): an ErrorInfo in domain bulkinvite.v1 whose
/// reason is the bulkinvite.v1.ErrorReason name, then the details its status code calls for.
/// </summary>
internal static class RpcErrors
{
    public const string Domain = "bulkinvite.v1";

    private const string ReasonPrefix = "ERROR_REASON_";

    private static readonly Google.Protobuf.Reflection.EnumDescriptor Reasons =
        V1.ErrorReasonReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>(nameof(V1.ErrorReason));

    /// <summary>The reason as ErrorInfo says it: the proto enum value's name without its prefix.</summary>
    public static string ReasonName(ErrorReason reason) =>
        Reasons.FindValueByNumber((int)reason) is { } value
            ? value.Name[ReasonPrefix.Length..]
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a bulkinvite.v1.ErrorReason.");

    public static Status Status(Code code, string message, ErrorReason reason, IMessage? detail)
    {
        var status = new Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = ReasonName(reason), Domain = Domain }) },
        };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }

    /// <summary>The status with one more ErrorInfo metadata entry.</summary>
    public static Status WithMetadata(Status status, string key, string value)
    {
        var info = status.Details[0].Unpack<ErrorInfo>();
        info.Metadata[key] = value;
        status.Details[0] = Any.Pack(info);
        return status;
    }
}

/// <summary>How resources are named in error details (AIP-122 style), the same in every status.</summary>
internal static class ResourceNames
{
    public static string Import(string importId) => "imports/" + importId;

    public static string Invitation(string invitationId) => "invitations/" + invitationId;

    public static string Upload(string uploadId) => "uploads/" + uploadId;

    public static string Organization(string organizationId) => "organizations/" + organizationId;
}
