using System.CommandLine;

namespace BulkInvite.Cli;

/// <summary>The options every command takes: where the server is, how to authenticate, and the output format.</summary>
internal sealed class GlobalOptions
{
    public const string DefaultServer = "http://localhost:5000";

    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"The BulkInvite server's URL [env: BULKINVITE_SERVER; default: {DefaultServer}]",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "The bearer token every call needs, for the organization you act for [env: BULKINVITE_TOKEN]",
        HelpName = "TOKEN",
        Recursive = true,
    };

    public Option<string> Output { get; } = CreateOutput();

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Same as --output json",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Output);
        root.Options.Add(Json);
    }

    private static Option<string> CreateOutput()
    {
        var option = new Option<string>("--output")
        {
            Description = "text for people, json for programs (only JSON on stdout)",
            DefaultValueFactory = _ => "text",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
