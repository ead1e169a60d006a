using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Core.Rows;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace BulkInvite.Server.Services;

/// <summary>Domain records to their bulkinvite.v1 messages. The enums share their numbers with the protos.</summary>
internal static class ProtoMapping
{
    public static UploadMetadata ToDomain(this V1.ImportFileMetadata metadata) =>
        new(metadata.OrganizationId, metadata.FileName, metadata.SizeBytes, metadata.Sha256);

    public static ApplyRequest ToDomain(this V1.ApplyPermissionsRequest request) => new(
        request.ImportId,
        request.Permissions,
        request.RequestId,
        request.PersonalMessage,
        request.InvitationLifetime is { } lifetime ? ToTimeSpan(lifetime, "invitation_lifetime") : null,
        request.ConfirmPrivilegedPermissions);

    /// <summary>A Duration as a TimeSpan, or INVALID_ARGUMENT for one that is not normalized (seconds and nanos of opposite signs, nanos out of range).</summary>
    private static TimeSpan ToTimeSpan(Duration duration, string field)
    {
        try
        {
            return duration.ToTimeSpan();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidRequestException(field, $"{field} is not a valid duration (seconds and nanos must have one sign, nanos below one second).");
        }
    }

    public static V1.Import ToProto(this ImportRecord import) => new()
    {
        ImportId = import.ImportId,
        OrganizationId = import.OrganizationId,
        FileName = import.FileName,
        Format = (V1.FileFormat)import.Format,
        SizeBytes = import.SizeBytes,
        Sha256 = import.Sha256,
        State = (V1.ImportState)import.State,
        TotalRows = import.TotalRows,
        ValidRows = import.ValidRows,
        InvalidRows = import.InvalidRows,
        InvitedCount = import.InvitedCount,
        SkippedCount = import.SkippedCount,
        Permissions = { import.Permissions },
        CreateTime = Timestamp.FromDateTimeOffset(import.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(import.UpdateTime),
        WarningRows = import.WarningRows,
        AlreadyInvitedRows = import.AlreadyInvitedRows,
        AlreadyMemberRows = import.AlreadyMemberRows,
        SkippedAlreadyInvitedCount = import.SkippedAlreadyInvitedCount,
        SkippedAlreadyMemberCount = import.SkippedAlreadyMemberCount,
    };

    public static V1.Diagnostic ToProto(this Diagnostic diagnostic) => new()
    {
        RowNumber = diagnostic.RowNumber,
        Column = diagnostic.Column,
        Code = (V1.DiagnosticCode)diagnostic.Code,
        Severity = (V1.Severity)diagnostic.Severity,
        Message = diagnostic.Message,
        Value = diagnostic.Value,
    };

    public static V1.AuditEvent ToProto(this AuditEvent audit) => new()
    {
        EventId = audit.EventId.ToString(CultureInfo.InvariantCulture),
        EventTime = Timestamp.FromDateTimeOffset(audit.Time),
        OrganizationId = audit.OrganizationId,
        Actor = audit.Actor,
        Action = (V1.AuditAction)audit.Action,
        ImportId = audit.ImportId,
        FileName = audit.FileName,
        Permissions = { audit.Permissions },
        TotalRows = audit.TotalRows,
        ValidRows = audit.ValidRows,
        InvalidRows = audit.InvalidRows,
        InvitedCount = audit.InvitedCount,
        SkippedCount = audit.SkippedCount,
        InvitationId = audit.InvitationId,
        RowNumbers = { audit.RowNumbers },
    };

    public static V1.ImportRow ToProto(this ImportRowRecord row) => new()
    {
        RowNumber = row.RowNumber,
        Email = row.Email,
        FirstName = row.FirstName,
        LastName = row.LastName,
        Description = row.Description ?? "",
        Revision = row.Revision,
        Valid = row.IsValid,
        Diagnostics = { row.Diagnostics.Select(ToProto) },
    };

    public static RowEdit ToDomain(this V1.RowEdit edit) => new(
        edit.RowNumber,
        edit.ExpectedRevision,
        edit.HasEmail ? edit.Email : null,
        edit.HasFirstName ? edit.FirstName : null,
        edit.HasLastName ? edit.LastName : null,
        edit.HasDescription ? edit.Description : null);

    public static V1.Invitation ToProto(this InvitationRecord invitation) => new()
    {
        InvitationId = InvitationIds.Format(invitation.InvitationId),
        OrganizationId = invitation.OrganizationId,
        ImportId = invitation.ImportId,
        Email = invitation.Email,
        FirstName = invitation.FirstName,
        LastName = invitation.LastName,
        Permissions = { invitation.Permissions },
        Inviter = invitation.Inviter,
        InviterDisplayName = invitation.InviterDisplayName,
        OrganizationDisplayName = invitation.OrganizationDisplayName,
        PersonalMessage = invitation.PersonalMessage,
        Status = (V1.InvitationStatus)invitation.Status,
        CreateTime = Timestamp.FromDateTimeOffset(invitation.CreateTime),
        ExpireTime = Timestamp.FromDateTimeOffset(invitation.ExpireTime),
        UpdateTime = Timestamp.FromDateTimeOffset(invitation.UpdateTime),
        Delivery = new V1.InvitationDelivery
        {
            State = (V1.DeliveryState)invitation.Delivery.State,
            Attempts = invitation.Delivery.Attempts,
            LastError = invitation.Delivery.LastError,
            NextAttemptTime = invitation.Delivery.NextAttemptTime is { } next ? Timestamp.FromDateTimeOffset(next) : null,
            SentTime = invitation.Delivery.SentTime is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        },
    };

    public static V1.InvitationPreview ToProto(this InvitationPreview preview) => new()
    {
        OrganizationId = preview.OrganizationId,
        OrganizationDisplayName = preview.OrganizationDisplayName,
        InviterDisplayName = preview.InviterDisplayName,
        Email = preview.Email,
        FirstName = preview.FirstName,
        LastName = preview.LastName,
        Permissions = { preview.Permissions.Select(p => new V1.InvitationPermission { Id = p.Id, Description = p.Description }) },
        ExpireTime = Timestamp.FromDateTimeOffset(preview.ExpireTime),
        PersonalMessage = preview.PersonalMessage,
    };

    public static V1.Member ToProto(this MemberRecord member) => new()
    {
        OrganizationId = member.OrganizationId,
        Email = member.Email,
        FirstName = member.FirstName,
        LastName = member.LastName,
        Permissions = { member.Permissions },
        InvitationId = InvitationIds.Format(member.InvitationId),
        JoinTime = Timestamp.FromDateTimeOffset(member.JoinTime),
    };

    public static V1.CheckImportResponse ToProto(this CheckReport report) => new()
    {
        Import = report.Import.ToProto(),
        FileDiagnostics = { report.FileDiagnostics.Select(ToProto) },
        RowDiagnostics = { report.RowDiagnostics.Select(ToProto) },
        NextPageToken = report.NextPageToken,
        ColumnMappings = { report.Columns.Select(ToProto) },
    };

    public static V1.ColumnMapping ToProto(this ColumnMapping column) => new()
    {
        ColumnNumber = column.Position,
        Header = column.Header,
        Field = column.Field is { } field ? (V1.ImportField)field : V1.ImportField.Ignored,
    };

    public static V1.Permission ToProto(this PermissionGrant permission) => new()
    {
        Id = permission.Permission.Id,
        Description = permission.Permission.Description,
        Privileged = permission.Permission.Privileged,
        Grantable = permission.Grantable,
        NotGrantableReason = permission.NotGrantableReason,
    };

    public static V1.GetCallerResponse ToProto(this CallerProfile profile) => new()
    {
        Subject = profile.Caller.Subject,
        DisplayName = profile.Caller.DisplayName,
        OrganizationId = profile.Caller.OrganizationId,
        OrganizationDisplayName = profile.OrganizationDisplayName,
        Permissions = { profile.Caller.Permissions.Order(StringComparer.Ordinal) },
        CanInvite = profile.Caller.CanInvite,
        GrantablePermissions = { profile.GrantableIds },
    };

    public static V1.CheckProgress ToProto(this CheckProgress progress) => new()
    {
        RowsRead = progress.RowsRead,
        BytesRead = progress.BytesRead,
        SizeBytes = progress.SizeBytes,
    };
}
