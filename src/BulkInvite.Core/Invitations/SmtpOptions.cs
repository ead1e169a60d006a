namespace BulkInvite.Core.Invitations;

/// <summary>The SMTP server ("Email:Smtp" section).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>The user to authenticate as; none when empty.</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>How long connecting or sending one email may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
