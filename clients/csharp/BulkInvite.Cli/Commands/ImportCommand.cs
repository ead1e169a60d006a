using System.CommandLine;
using BulkInvite.Cli.Output;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite import FILE --permission P…: refuse early what the token cannot grant, upload, check, show, confirm, apply.</summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The .csv, .xlsx or .xls file: columns Email, First name, Last name, optional Description" };
        file.AcceptExistingOnly();
        var org = OrgOption("The organization to invite the users to");
        var permissions = PermissionOption();
        var yes = YesOption();
        var all = AllOption();
        var report = new ReportOption();
        var message = InvitationChoices.MessageOption();
        var expiresIn = InvitationChoices.ExpiresInOption();
        var confirmPrivileged = InvitationChoices.ConfirmPrivilegedOption();
        var command = new Command("import", "Upload a file of users, check it, and invite its valid users") { file, org, permissions, yes, all, message, expiresIn, confirmPrivileged };
        report.AddTo(command);
        CommandAction.Set(command, options, console, async (parse, session, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            var reportFile = report.Read(parse);
            var organization = session.Organization(parse.GetValue(org), "the organization to invite the users to");
            IReadOnlyList<string> grants = [.. parse.GetValue(permissions) ?? []];
            var choices = InvitationChoices.From(parse, message, expiresIn, confirmPrivileged);
            var privileged = await PermissionPreCheck.RunAsync(session, organization, grants, "Nothing was uploaded.", cancellationToken);
            var import = await UploadProgressView.RunAsync(session, path, progress => session.Client.UploadFileAsync(path.FullName, organization, progress, cancellationToken));
            var check = await Busy.RunAsync(session, "Checking…", () => session.Client.CheckAsync(import.ImportId, cancellationToken));
            var exitCode = await new ApplyFlow(session, organization, grants, choices, privileged, parse.GetValue(yes), parse.GetValue(all)).RunAsync(check, cancellationToken);
            if (reportFile is { } wanted && !check.IsRejected)
            {
                await ReportOption.WriteAsync(session, import.ImportId, wanted, cancellationToken);
            }

            return exitCode;
        });
        return command;
    }

    public static Option<string?> OrgOption(string description) =>
        new("--org") { Description = $"{description} [env: BULKINVITE_ORG; default: the token's organization]", HelpName = "ORG" };

    public static Option<string[]> PermissionOption() => new("--permission", "-p")
    {
        Description = "A permission granted to every invited user; repeat it for several (see: bulkinvite permissions)",
        HelpName = "P",
        Required = true,
    };

    public static Option<bool> YesOption() => new("--yes", "-y") { Description = "Apply without asking" };

    public static Option<bool> AllOption() =>
        new("--all") { Description = $"List every diagnostic row, not only the first {DiagnosticsView.ErrorRowsPerCode} errors of each code" };
}
