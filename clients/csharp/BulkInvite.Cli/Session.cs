using System.CommandLine;
using BulkInvite.Client;

namespace BulkInvite.Cli;

/// <summary>One run of a command: the console, the output format, the token's claims and a client of the chosen server.</summary>
internal sealed class Session : IDisposable
{
    private readonly Lazy<BulkInviteClient> _client;

    public Session(ParseResult parseResult, GlobalOptions options, CliConsole console)
    {
        Console = console;
        Json = parseResult.GetValue(options.Output) == "json" || parseResult.GetValue(options.Json);
        ServerUrl = parseResult.GetValue(options.Server) ?? Setting("BULKINVITE_SERVER") ?? GlobalOptions.DefaultServer;
        var token = Setting("BULKINVITE_TOKEN", parseResult.GetValue(options.Token));
        HasToken = token is not null;
        Claims = TokenClaims.TryRead(token);
        _client = new Lazy<BulkInviteClient>(() => new BulkInviteClient(ValidServerUrl(ServerUrl), token));
    }

    public CliConsole Console { get; }

    /// <summary>True with --output json (or --json): stdout gets one JSON document and nothing else.</summary>
    public bool Json { get; }

    public string ServerUrl { get; }

    /// <summary>True when --token or BULKINVITE_TOKEN gave a token to send.</summary>
    public bool HasToken { get; }

    /// <summary>What the token says (its org and permissions), or null when there is none or it is not a JWT this tool reads.</summary>
    public TokenClaims? Claims { get; }

    public BulkInviteClient Client => _client.Value;

    /// <summary>An option's value, else its BULKINVITE_* environment variable; null when neither is set.</summary>
    public string? Setting(string environmentVariable, string? optionValue = null) =>
        !string.IsNullOrWhiteSpace(optionValue) ? optionValue
        : Console.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } value ? value
        : null;

    /// <summary>The organization to act for: --org, else BULKINVITE_ORG, else the token's own (its org claim).</summary>
    public string Organization(string? optionValue, string purpose) =>
        Setting("BULKINVITE_ORG", optionValue) ?? Claims?.Organization
        ?? throw new UsageException($"Pass --org ORG (or set BULKINVITE_ORG): {purpose}. (The token names no organization this tool can read.)");

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static string ValidServerUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"The server URL \"{url}\" is not an http:// or https:// URL. Pass --server or set BULKINVITE_SERVER.");
}
