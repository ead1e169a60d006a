namespace BulkInvite.Core.Invitations;

/// <summary>Where invitation emails go.</summary>
public enum EmailMode
{
    /// <summary>.eml files in a folder, for local runs: no mail server needed.</summary>
    Pickup,

    /// <summary>An SMTP server.</summary>
    Smtp,
}
