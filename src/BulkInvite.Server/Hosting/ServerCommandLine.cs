using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using BulkInvite.Server.Security;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// The server's command line: `run` (the default: start the server), `token` (print a token) and
/// `--help` (usage, the main settings and where the docs are). Every other argument (--urls,
/// --environment, --Section:Key value) is configuration for the host.
/// </summary>
public static class ServerCommandLine
{
    private const string Settings = """
        Settings (appsettings.json, environment variables with __ for :, or --Key value on the command line):
          --urls URL[;URL]                  where to listen (default http://localhost:5000; h2c for gRPC)
          --environment NAME                Development (the development token key, reflection) or Production
          Storage:Provider                  sqlite (default) or postgres
          ConnectionStrings:BulkInvite      SQLite: Data Source=data/bulkinvite.db (default); PostgreSQL: Host=…;Database=…;Username=…;Password=…
          Email:Mode                        Pickup (default: .eml files in Email:PickupDirectory, data/mail) or Smtp (Email:Smtp:Host, :Port, …)
          Email:AcceptBaseUrl               the accept page the invitation links point to
          Authentication:SigningKey         base64 HS256 key (at least 256 bits) that signs and checks tokens
          Authentication:Authority          or an OIDC issuer whose keys check tokens
          Authentication:Issuer, :Audience  what tokens' iss and aud must be (bulkinvite, bulkinvite)
          Authentication:ClockSkew          clock difference tolerated on expiry and not-before (00:00:30)
          Telemetry:Prometheus:Enabled      serve Prometheus metrics at /metrics (false)
          Telemetry:Otlp:Endpoint           send traces and metrics over OTLP (or OTEL_EXPORTER_OTLP_ENDPOINT)
          Logging:Console:FormatterName     simple (default) or json: one JSON object per log line

        Examples:
          dotnet run --project src/BulkInvite.Server
          dotnet run --project src/BulkInvite.Server -- token --org acme --permission organization.admin
          dotnet BulkInvite.Server.dll --urls http://0.0.0.0:5000 --Storage:Provider postgres --ConnectionStrings:BulkInvite "Host=db;Database=bulkinvite;Username=bulkinvite"

        Docs: docs/configuration.md (every setting), docs/operations.md (health, metrics, logs), docs/deployment.md (PostgreSQL replicas).
        """;

    /// <summary>The arguments the host reads as configuration: all of them, less a leading `run`.</summary>
    public static string[] HostArguments(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args is ["run", .. var rest] ? rest : args;
    }

    /// <summary>
    /// Runs the command the arguments name: the exit code of `token` or `--help`, or null when the
    /// server is to start (no command, or `run`).
    /// </summary>
    public static int? Invoke(string[] args, IConfiguration configuration, IHostEnvironment environment)
    {
        var start = false;
        var run = new Command("run", "Starts the server (what happens without a command).") { TreatUnmatchedTokensAsErrors = false };
        var root = new RootCommand("BulkInvite: invite a batch of users from a spreadsheet, over gRPC. Without a command, the server starts.")
        {
            run,
            TokenCommand.Create(configuration, environment),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        run.SetAction(_ => start = true);
        root.SetAction(_ => start = true);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithSettings((HelpAction)help.Action!);

        var exitCode = root.Parse(args).Invoke();
        return start ? null : exitCode;
    }

    /// <summary>The usage System.CommandLine writes, then the main settings and where the docs are.</summary>
    private sealed class HelpWithSettings(HelpAction usage) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = usage.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(Settings);
            }

            return exitCode;
        }
    }
}
