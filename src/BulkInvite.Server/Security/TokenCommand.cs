using System.CommandLine;
using System.Globalization;

namespace BulkInvite.Server.Security;

/// <summary>
/// `BulkInvite.Server token --org ORG --permission P [--permission P ...]`: prints a token signed with
/// the configured key (in Development, the development key), for local use and scripts.
/// </summary>
public static class TokenCommand
{
    /// <summary>The `token` command of the server's command line (<see cref="Hosting.ServerCommandLine"/>).</summary>
    public static Command Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var org = new Option<string>("--org") { Description = "The organization the token acts for (claim org).", Required = true };
        var permissions = new Option<string[]>("--permission")
        {
            Description = "A permission the caller holds there (claim permissions); repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var subject = new Option<string>("--sub") { Description = "Who the caller is (claim sub).", DefaultValueFactory = _ => "local-admin" };
        var lifetime = new Option<TimeSpan>("--lifetime") { Description = "How long the token is valid.", DefaultValueFactory = _ => TimeSpan.FromHours(8) };
        var token = new Command("token", "Prints a bearer token signed with the configured key.") { org, permissions, subject, lifetime };
        // Host arguments (--contentRoot, --environment, --Authentication:SigningKey ...) are for the configuration.
        token.TreatUnmatchedTokensAsErrors = false;
        token.SetAction(result =>
        {
            var settings = TokenSettings.From(configuration);
            if (settings.Problem(environment) is { } problem)
            {
                Console.Error.WriteLine(problem);
                return 1;
            }

            if (settings.SymmetricKey() is null)
            {
                Console.Error.WriteLine("Authentication:SigningKey is not set: with an OIDC authority, tokens come from the identity provider.");
                return 1;
            }

            var now = DateTimeOffset.UtcNow;
            Console.Out.WriteLine(TokenIssuer.Mint(settings, result.GetValue(subject)!, result.GetValue(org)!, result.GetValue(permissions)!, now, now + result.GetValue(lifetime)));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Token for {result.GetValue(subject)} in {result.GetValue(org)}, valid until {now + result.GetValue(lifetime):u}."));
            return 0;
        });
        return token;
    }
}
