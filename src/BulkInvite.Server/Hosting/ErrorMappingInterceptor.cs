using System.Globalization;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage;
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
            InvalidRequestException e => Status(Code.InvalidArgument, e.Message, ErrorReason.InvalidRequest,
                new BadRequest { FieldViolations = { e.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }) } }),
            ImportNotFoundException e => Status(Code.NotFound, e.Message, ErrorReason.ImportNotFound,
                new ResourceInfo { ResourceType = "bulkinvite.v1.Import", ResourceName = ResourceNames.Import(e.ImportId), Description = e.Message }),
            UploadNotFoundException e => Status(Code.NotFound, e.Message, ErrorReason.UploadNotFound,
                new ResourceInfo { ResourceType = "bulkinvite.v1.ResumableUpload", ResourceName = ResourceNames.Upload(e.UploadId), Description = e.Message }),
            UploadFinishedException e => Status(Code.FailedPrecondition, e.Message, ErrorReason.UploadAlreadyFinished,
                Precondition(ErrorReason.UploadAlreadyFinished, ResourceNames.Upload(e.UploadId), e.Message)),
            ImportStateException e => Status(Code.FailedPrecondition, e.Message, e.Reason,
                Precondition(e.Reason, ResourceNames.Import(e.ImportId), e.Message)),
            PrivilegedPermissionsNotConfirmedException e => PrivilegedNotConfirmed(e),
            InvitationNotFoundException e => Status(Code.NotFound, e.Message, ErrorReason.InvitationNotFound,
                new ResourceInfo { ResourceType = "bulkinvite.v1.Invitation", ResourceName = e.InvitationId.Length > 0 ? ResourceNames.Invitation(e.InvitationId) : "", Description = e.Message }),
            InvitationStateException e => Status(Code.FailedPrecondition, e.Message, e.Reason,
                Precondition(e.Reason, ResourceNames.Invitation(e.InvitationId.ToString(CultureInfo.InvariantCulture)), e.Message)),
            RowRevisionMismatchException e => Status(Code.Aborted, e.Message, ErrorReason.RowRevisionMismatch, new PreconditionFailure
            {
                Violations =
                {
                    e.Rows.Select(r => new PreconditionFailure.Types.Violation
                    {
                        Type = RpcStatuses.ReasonName(ErrorReason.RowRevisionMismatch),
                        Subject = ResourceNames.Row(e.ImportId, r.RowNumber),
                        Description = char.ToUpperInvariant(r.ToString()[0]) + r.ToString()[1..] + ".",
                    }),
                },
            }),
            LimitExceededException e => LimitExceeded(e),
            PermissionDeniedException e => PermissionDenied(e),
            UploadIdleException e => Status(Code.DeadlineExceeded, e.Message, ErrorReason.UploadIdle, null),
            // The client went away (cancelled, or reset the stream): nothing to fix on this side.
            OperationCanceledException or IOException when context.CancellationToken.IsCancellationRequested => Cancelled(context),
            _ when StorageFailures.IsUnavailable(exception) => StorageUnavailable(exception, context),
            _ => Unexpected(exception, context),
        };
        return status.ToRpcException();
    }

    private static PreconditionFailure Precondition(ErrorReason reason, string subject, string message) =>
        new() { Violations = { new PreconditionFailure.Types.Violation { Type = RpcStatuses.ReasonName(reason), Subject = subject, Description = message } } };

    // One violation per privileged permission, its id as the subject, so a client can name them and
    // ask the person in words before retrying with the confirmation.
    private static Status PrivilegedNotConfirmed(PrivilegedPermissionsNotConfirmedException e)
    {
        var type = RpcStatuses.ReasonName(ErrorReason.PrivilegedPermissionsNotConfirmed);
        var failure = new PreconditionFailure
        {
            Violations = { e.Permissions.Select(p => new PreconditionFailure.Types.Violation { Type = type, Subject = p.Id, Description = p.Description }) },
        };
        return Status(Code.FailedPrecondition, e.Message, ErrorReason.PrivilegedPermissionsNotConfirmed, failure);
    }

    // ErrorInfo names the limit for programs; QuotaFailure names the organization whose limit it is.
    private static Status LimitExceeded(LimitExceededException e)
    {
        return Status(Code.ResourceExhausted, e.Message, ErrorReason.LimitExceeded,
            new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = ResourceNames.Organization(e.OrganizationId), Description = e.Message } } },
            new Dictionary<string, string> { ["limit"] = e.Limit });
    }

    // ErrorInfo carries the permissions the caller lacks, comma-separated, for programs to read.
    private static Status PermissionDenied(PermissionDeniedException e)
    {
        var metadata = e.MissingPermissions.Count > 0 ? new Dictionary<string, string> { ["missing_permissions"] = string.Join(",", e.MissingPermissions) } : null;
        return Status(Code.PermissionDenied, e.Message, ErrorReason.PermissionDenied, null, metadata);
    }

    private Status Cancelled(ServerCallContext context)
    {
        LogCancelled(logger, context.Method);
        return Status(Code.Cancelled, "The call was cancelled.", ErrorReason.Cancelled, null);
    }

    // Whatever the call wrote was rolled back (or, for an upload, deleted): a retry starts afresh.
    private Status StorageUnavailable(Exception exception, ServerCallContext context)
    {
        LogStorageUnavailable(logger, exception, context.Method);
        return Status(Code.Unavailable,
            "The server cannot use its storage right now (the disk is full or read-only, or the database cannot be reached), so nothing was changed. Try again later.",
            ErrorReason.StorageUnavailable, null);
    }

    private Status Unexpected(Exception exception, ServerCallContext context)
    {
        LogUnexpected(logger, exception, context.Method);
        return Status(Code.Internal, "The server failed to complete the call; the error is logged. Try again, and report it if it persists.", ErrorReason.Internal, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The client cancelled {Method}")]
    private static partial void LogCancelled(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage unavailable in {Method}: the call was answered UNAVAILABLE")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);

    private static Status Status(Code code, string message, ErrorReason reason, Google.Protobuf.IMessage? detail, IReadOnlyDictionary<string, string>? metadata = null) =>
        RpcStatuses.Create(code, message, reason, detail, metadata);
}
