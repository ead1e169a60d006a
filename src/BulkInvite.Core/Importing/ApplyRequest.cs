using System.Globalization;
using System.Text;

namespace BulkInvite.Core.Importing;

/// <summary>An ApplyPermissions call: which import, which permissions, and what its invitations say.</summary>
/// <param name="RequestId">The client's id of the call, reused on retries; null or empty for none.</param>
/// <param name="PersonalMessage">The inviter's note shown in every email of the batch; empty for none.</param>
/// <param name="InvitationLifetime">How long the batch's invitations stay valid; null for BulkInvite:InvitationLifetime.</param>
/// <param name="ConfirmPrivilegedPermissions">The caller confirms granting a privileged permission to every invited person.</param>
public sealed record ApplyRequest(
    string ImportId,
    IReadOnlyList<string> Permissions,
    string? RequestId = null,
    string PersonalMessage = "",
    TimeSpan? InvitationLifetime = null,
    bool ConfirmPrivilegedPermissions = false)
{
    public const int MaxRequestIdLength = 128;

    /// <summary>The longest personal message, in characters (Unicode code points).</summary>
    public const int MaxPersonalMessageCharacters = 1000;

    public static readonly TimeSpan MinInvitationLifetime = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxInvitationLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// INVALID_ARGUMENT naming every wrong field: a request_id over 128 characters, a message over
    /// 1,000 characters or with control characters other than line breaks (an email is no place for a
    /// terminal escape or a NUL), a lifetime outside 1 to 30 days.
    /// </summary>
    public void Validate()
    {
        var violations = new List<FieldViolation>();
        if (RequestId?.Length > MaxRequestIdLength)
        {
            violations.Add(new("request_id", $"request_id must be at most {MaxRequestIdLength} characters."));
        }

        var message = PersonalMessage ?? "";
        var characters = message.EnumerateRunes().Count();
        if (characters > MaxPersonalMessageCharacters)
        {
            violations.Add(new("personal_message", $"personal_message has {characters} characters; at most {MaxPersonalMessageCharacters} are allowed."));
        }

        if (message.EnumerateRunes().Where(IsRefusedControl).Select(r => (int?)r.Value).FirstOrDefault() is { } control)
        {
            violations.Add(new("personal_message", string.Create(CultureInfo.InvariantCulture,
                $"personal_message contains the control character U+{control:X4}; only line breaks are allowed besides printable text.")));
        }

        if (InvitationLifetime is { } lifetime && (lifetime < MinInvitationLifetime || lifetime > MaxInvitationLifetime))
        {
            violations.Add(new("invitation_lifetime", $"invitation_lifetime must be from 1 to 30 days; {Describe(lifetime)} was asked."));
        }

        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }
    }

    /// <summary>The message as stored: none when it holds only spaces and line breaks.</summary>
    public string StoredPersonalMessage => string.IsNullOrWhiteSpace(PersonalMessage) ? "" : PersonalMessage;

    private static bool IsRefusedControl(Rune rune) => Rune.IsControl(rune) && rune.Value is not ('\n' or '\r');

    private static string Describe(TimeSpan lifetime) =>
        Math.Abs(lifetime.TotalDays) >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{lifetime.TotalDays:0.##} days")
        : Math.Abs(lifetime.TotalHours) >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{lifetime.TotalHours:0.##} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{lifetime.TotalSeconds:0.###} seconds");
}
