using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BulkInvite.Client;

namespace BulkInvite.Cli.Commands;

/// <summary>
/// What `import` and `apply` put in each invitation besides its permissions: --message, --expires-in
/// and --confirm-privileged. Checked before anything is uploaded or applied, with the server's limits
/// (1,000 characters, no control characters but line breaks; 1 to 30 days); the server still decides.
/// </summary>
internal sealed partial record InvitationChoices(string? Message, TimeSpan? Lifetime, string? LifetimeText, bool ConfirmPrivileged)
{
    private const int MaxMessageCharacters = 1000;

    public static Option<string?> MessageOption() => new("--message", "-m")
    {
        Description = "A personal note shown in every invitation email (plain text, at most 1,000 characters; line breaks are kept)",
        HelpName = "TEXT",
    };

    public static Option<string?> ExpiresInOption() => new("--expires-in")
    {
        Description = "How long the invitations can be accepted: 1d to 30d (or hours: 36h) [default: the server's, 7 days]",
        HelpName = "DAYS",
    };

    public static Option<bool> ConfirmPrivilegedOption() => new("--confirm-privileged")
    {
        Description = "Grant privileged permissions (members.invite, organization.admin) to every invited person without asking; --yes does not",
    };

    /// <summary>The choices on the command line, or a usage error naming what is wrong.</summary>
    public static InvitationChoices From(ParseResult parse, Option<string?> message, Option<string?> expiresIn, Option<bool> confirmPrivileged)
    {
        var text = parse.GetValue(message);
        if (text is not null)
        {
            var characters = text.EnumerateRunes().Count();
            if (characters > MaxMessageCharacters)
            {
                throw new UsageException($"--message has {characters} characters; at most {MaxMessageCharacters} are allowed.");
            }

            if (text.EnumerateRunes().Where(r => Rune.IsControl(r) && r.Value is not ('\n' or '\r')).Select(r => (int?)r.Value).FirstOrDefault() is { } control)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--message contains the control character U+{control:X4}; only line breaks are allowed besides printable text."));
            }
        }

        var lifetimeText = parse.GetValue(expiresIn);
        return new InvitationChoices(text, lifetimeText is null ? null : ParseLifetime(lifetimeText), lifetimeText, parse.GetValue(confirmPrivileged));
    }

    /// <summary>14d, 2w or 36h.</summary>
    public static TimeSpan ParseLifetime(string text)
    {
        var match = LifetimePattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new UsageException($"--expires-in \"{text}\" is not a duration: write days (14d), weeks (2w) or hours (36h).");
        }

        var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        var lifetime = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "h" => TimeSpan.FromHours(amount),
            "w" => TimeSpan.FromDays(7 * amount),
            _ => TimeSpan.FromDays(amount),
        };
        if (lifetime < TimeSpan.FromDays(1) || lifetime > TimeSpan.FromDays(30))
        {
            throw new UsageException($"--expires-in must be from 1d to 30d; \"{text}\" is {(lifetime < TimeSpan.FromDays(1) ? "shorter" : "longer")}.");
        }

        return lifetime;
    }

    /// <summary>The request's options, confirming privileged permissions when the flag or the person did.</summary>
    public ApplyOptions ToApplyOptions(bool privilegedConfirmed) => new()
    {
        PersonalMessage = Message,
        InvitationLifetime = Lifetime,
        ConfirmPrivilegedPermissions = ConfirmPrivileged || privilegedConfirmed,
    };

    /// <summary>The flags that repeat these choices in a command to copy.</summary>
    public string Flags(bool privileged) =>
        (Message is null ? "" : $" --message {ShellQuote(Message)}") +
        (LifetimeText is null ? "" : $" --expires-in {LifetimeText}") +
        (privileged ? " --confirm-privileged" : "");

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^(?<amount>[0-9]{1,4})\s*(?<unit>[dDhHwW])$")]
    private static partial Regex LifetimePattern();
}
