namespace BulkInvite.Server.Hosting;

/// <summary>How resources are named in error details (AIP-122 style), the same in every status.</summary>
internal static class ResourceNames
{
    public static string Import(string importId) => "imports/" + importId;

    public static string Row(string importId, int rowNumber) => FormattableString.Invariant($"imports/{importId}/rows/{rowNumber}");

    public static string Invitation(string invitationId) => "invitations/" + invitationId;

    public static string Upload(string uploadId) => "uploads/" + uploadId;

    public static string Organization(string organizationId) => "organizations/" + organizationId;
}
