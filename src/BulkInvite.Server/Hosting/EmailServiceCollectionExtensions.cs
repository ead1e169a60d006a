using BulkInvite.Core.Invitations;
using BulkInvite.Server.Mail;
using BulkInvite.Server.Web;

namespace BulkInvite.Server.Hosting;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The invitation lifecycle and its email delivery: the outbox, the dispatcher that drains it in
    /// the background, and the transport the "Email" section chooses (a pickup folder by default).
    /// The invitation repository and the outbox come with the store (AddBulkInviteStorage).
    /// </summary>
    public static IServiceCollection AddBulkInviteInvitations(this IServiceCollection services)
    {
        services.AddValidatedSettings<EmailOptions>(EmailOptions.SectionName, options => options.Problem() is { } problem ? [problem] : [])
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // The emailed link leads to the web page's accept screen unless configured otherwise.
                if (string.IsNullOrEmpty(configuration[$"{EmailOptions.SectionName}:AcceptBaseUrl"]) && WebPageSettings.From(configuration).AcceptPageUrl is { } acceptPage)
                {
                    options.AcceptBaseUrl = acceptPage;
                }
            });
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<InvitationQueries>();
        services.AddSingleton<InvitationActions>();
        services.AddSingleton<InvitationAcceptor>();
        services.AddSingleton<InvitationPreviewer>();
        services.AddSingleton<InvitationMailComposer>();
        services.AddSingleton<InvitationDispatcher>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<EmailOptions>();
            return options.Mode == EmailMode.Smtp
                ? new SmtpMailTransport(options)
                : new PickupMailTransport(PickupDirectory(options, sp.GetRequiredService<StorageBackend>().DataDirectory), options);
        });
        services.AddHostedService<InvitationDispatchService>();
        return services;
    }

    /// <summary>Email:PickupDirectory, or a "mail" folder beside the data (data/mail by default).</summary>
    public static string PickupDirectory(EmailOptions email, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Path.GetFullPath(email.PickupDirectory ?? Path.Combine(dataDirectory, "mail"));
    }
}
