using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Status = Google.Rpc.Status;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// The one place that turns errors into gRPC statuses: every <see cref="BulkInviteException"/>
/// becomes its status code with google.rpc details; storage trouble that is not a bug (a full or
/// read-only disk, an unreachable database: <see cref="StorageFailures"/>) becomes UNAVAILABLE;
/// a call the client cancelled becomes CANCELLED; anything unexpected becomes INTERNAL with no
/// internals in the message (it is logged instead).
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    private const string Domain = "bulkinvite.v1";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        var status = exception switch
        {
            InvalidRequestException e => Status(Code.InvalidArgument, e.Message, "INVALID_REQUEST",
                new BadRequest { FieldViolations = { e.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }) } }),
            ImportNotFoundException e => Status(Code.NotFound, e.Message, "IMPORT_NOT_FOUND",
                new ResourceInfo { ResourceType = "bulkinvite.v1.Import", ResourceName = e.ImportId, Description = e.Message }),
            ImportStateException e => Status(Code.FailedPrecondition, e.Message, e.ViolationType,
                new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = e.ViolationType, Subject = $"imports/{e.ImportId}", Description = e.Message } } }),
            InvitationNotFoundException e => Status(Code.NotFound, e.Message, "INVITATION_NOT_FOUND",
                new ResourceInfo { ResourceType = "bulkinvite.v1.Invitation", ResourceName = e.InvitationId, Description = e.Message }),
            InvitationStateException e => Status(Code.FailedPrecondition, e.Message, e.ViolationType,
                new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = e.ViolationType, Subject = $"invitations/{e.InvitationId}", Description = e.Message } } }),
            LimitExceededException e => Status(Code.ResourceExhausted, e.Message, "LIMIT_EXCEEDED",
                new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = e.Subject, Description = e.Message } } }),
            PermissionDeniedException e => PermissionDenied(e),
            UploadIdleException e => Status(Code.DeadlineExceeded, e.Message, "UPLOAD_IDLE", null),
            // The client went away (cancelled, or reset the stream): nothing to fix on this side.
            OperationCanceledException or IOException when context.CancellationToken.IsCancellationRequested => Cancelled(context),
            _ when StorageFailures.IsUnavailable(exception) => StorageUnavailable(exception, context),
            _ => Unexpected(exception, context),
        };
        return status.ToRpcException();
    }

    // ErrorInfo carries the permissions the caller lacks, comma-separated, for programs to read.
    private static Status PermissionDenied(PermissionDeniedException e)
    {
        var status = Status(Code.PermissionDenied, e.Message, "PERMISSION_DENIED", null);
        var info = status.Details[0].Unpack<ErrorInfo>();
        if (e.MissingPermissions.Count > 0)
        {
            info.Metadata["missing_permissions"] = string.Join(",", e.MissingPermissions);
        }

        status.Details[0] = Any.Pack(info);
        return status;
    }

    private Status Cancelled(ServerCallContext context)
    {
        LogCancelled(logger, context.Method);
        return Status(Code.Cancelled, "The call was cancelled.", "CANCELLED", null);
    }

    // Whatever the call wrote was rolled back (or, for an upload, deleted): a retry starts afresh.
    private Status StorageUnavailable(Exception exception, ServerCallContext context)
    {
        LogStorageUnavailable(logger, exception, context.Method);
        return Status(Code.Unavailable,
            "The server cannot use its storage right now (the disk is full or read-only, or the database cannot be reached), so nothing was changed. Try again later.",
            "STORAGE_UNAVAILABLE", null);
    }

    private Status Unexpected(Exception exception, ServerCallContext context)
    {
        LogUnexpected(logger, exception, context.Method);
        return Status(Code.Internal, "The server failed to complete the call; the error is logged. Try again, and report it if it persists.", "INTERNAL", null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The client cancelled {Method}")]
    private static partial void LogCancelled(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage unavailable in {Method}: the call was answered UNAVAILABLE")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);

    private static Status Status(Code code, string message, string reason, Google.Protobuf.IMessage? detail)
    {
        var status = new Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
        };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }
}
