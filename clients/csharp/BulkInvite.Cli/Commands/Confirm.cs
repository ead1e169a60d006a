using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>Asks a yes/no question on stderr (default no); with no terminal to answer on, it asks nothing and the answer is no.</summary>
internal static class Confirm
{
    public static async Task<bool> AskAsync(Session session, string question, CancellationToken cancellationToken)
    {
        var console = session.Console.Error;
        if (!session.Console.CanPrompt)
        {
            console.MarkupLine("Nothing was done: confirming needs an interactive terminal (pass --yes to go ahead without asking).");
            return false;
        }

        var confirmed = await new ConfirmationPrompt(Markup.Escape(question)) { DefaultValue = false }.ShowAsync(console, cancellationToken);
        if (!confirmed)
        {
            console.MarkupLine("Nothing was done.");
        }

        return confirmed;
    }
}
