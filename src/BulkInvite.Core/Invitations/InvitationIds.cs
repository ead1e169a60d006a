using System.Globalization;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>Invitation ids travel as decimal strings.</summary>
public static class InvitationIds
{
    public static string Format(long invitationId) => invitationId.ToString(CultureInfo.InvariantCulture);

    /// <summary>An empty id is INVALID_ARGUMENT; any other id that is not one of ours is NOT_FOUND.</summary>
    public static long Parse(string? invitationId)
    {
        if (string.IsNullOrWhiteSpace(invitationId))
        {
            throw new InvalidRequestException("invitation_id", "invitation_id is required.");
        }

        return long.TryParse(invitationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw InvitationNotFoundException.ForId(invitationId);
    }
}
