using System.Globalization;
using BulkInvite.V1;
using Google.Protobuf.Reflection;

namespace BulkInvite.Cli.Output;

/// <summary>Enum values as the contract names them, without their prefix: EMAIL_INVALID, CHECKED, XLSX, APPLIED.</summary>
internal static class Names
{
    public static string Of(DiagnosticCode code) => Short(Diagnostic.Descriptor, Diagnostic.CodeFieldNumber, (int)code, "DIAGNOSTIC_CODE_");

    public static string Of(ImportState state) => Short(Import.Descriptor, Import.StateFieldNumber, (int)state, "IMPORT_STATE_");

    public static string Of(FileFormat format) => Short(Import.Descriptor, Import.FormatFieldNumber, (int)format, "FILE_FORMAT_");

    public static string Of(InvitationStatus status) => Short(Invitation.Descriptor, Invitation.StatusFieldNumber, (int)status, "INVITATION_STATUS_");

    public static string Of(DeliveryState state) => Short(InvitationDelivery.Descriptor, InvitationDelivery.StateFieldNumber, (int)state, "DELIVERY_STATE_");

    public static string Of(AuditAction action) => Short(AuditEvent.Descriptor, AuditEvent.ActionFieldNumber, (int)action, "AUDIT_ACTION_");

    private static string Short(MessageDescriptor message, int field, int number, string prefix)
    {
        var name = message.FindFieldByNumber(field).EnumType.FindValueByNumber(number)?.Name ?? number.ToString(CultureInfo.InvariantCulture);
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
    }
}
