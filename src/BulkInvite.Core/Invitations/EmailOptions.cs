namespace BulkInvite.Core.Invitations;

/// <summary>How invitation emails are written and delivered, bound from the "Email" configuration section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Pickup writes each email as a .eml file into <see cref="PickupDirectory"/>; Smtp sends it to <see cref="Smtp"/>.</summary>
    public EmailMode Mode { get; set; } = EmailMode.Pickup;

    /// <summary>Where Pickup writes; by default a "mail" folder beside the database file.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; init; } = new();

    /// <summary>The sender of invitation emails, as "Name &lt;address&gt;" or an address.</summary>
    public string From { get; set; } = "BulkInvite <no-reply@bulkinvite.localhost>";

    /// <summary>The page that accepts invitations; the link is this URL with the query parameter token.</summary>
    public Uri AcceptBaseUrl { get; set; } = new("http://localhost:5000/invitations/accept");

    /// <summary>How often the dispatcher looks for due emails when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most emails one dispatch claims and sends over one connection.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before an email is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The wait after the first failed attempt; it doubles with every further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claimed email stays with the dispatcher that claimed it. A dispatcher that stops
    /// before acknowledging it leaves it due again once this passes: sent at least once, never lost.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1: the base delay doubled per failure, capped.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = RetryBaseDelay * Math.Pow(2, doublings);
        return delay < RetryMaxDelay ? delay : RetryMaxDelay;
    }

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem()
    {
        if (PollInterval <= TimeSpan.Zero || RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay <= TimeSpan.Zero || ClaimDuration <= TimeSpan.Zero)
        {
            return "Email:PollInterval, RetryBaseDelay, RetryMaxDelay and ClaimDuration must be positive.";
        }

        if (BatchSize <= 0 || MaxAttempts <= 0)
        {
            return "Email:BatchSize and Email:MaxAttempts must be positive.";
        }

        if (!AcceptBaseUrl.IsAbsoluteUri)
        {
            return "Email:AcceptBaseUrl must be an absolute URL.";
        }

        if (Mode == EmailMode.Smtp && string.IsNullOrWhiteSpace(Smtp.Host))
        {
            return "Email:Mode is Smtp but Email:Smtp:Host is not set.";
        }

        return null;
    }
}
