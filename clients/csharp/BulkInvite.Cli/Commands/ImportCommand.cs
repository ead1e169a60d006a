using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using BulkInvite.Cli.Output;
using BulkInvite.Client;
using BulkInvite.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Spectre.Console;

namespace BulkInvite.Cli.Commands;

/// <summary>bulkinvite import FILE --org ORG --permission P…: upload, check, show the problems, confirm, apply.</summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The .csv, .xlsx or .xls file: columns Email, First name, Last name, optional Description" };
        file.AcceptExistingOnly();
        var org = new Option<string?>("--org") { Description = "The organization to invite the users to [env: BULKINVITE_ORG]", HelpName = "ORG" };
        var permissions = new Option<string[]>("--permission", "-p")
        {
            Description = "A permission granted to every invited user; repeat it for several (see: bulkinvite permissions)",
            HelpName = "P",
            Required = true,
        };
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking" };
        var all = new Option<bool>("--all") { Description = $"Show every diagnostic, not only the first {DiagnosticsView.DefaultLimit} of each kind" };
        var command = new Command("import", "Upload a file of users, check it, and invite its valid users") { file, org, permissions, yes, all };
        CommandAction.Set(command, options, console, (parse, session, cancellationToken) => new Run(
            session,
            parse.GetRequiredValue(file),
            session.Setting("BULKINVITE_ORG", parse.GetValue(org)) ?? throw new UsageException("Pass --org ORG (or set BULKINVITE_ORG): the organization to invite the users to."),
            [.. parse.GetValue(permissions) ?? []],
            parse.GetValue(yes),
            parse.GetValue(all)).ExecuteAsync(cancellationToken));
        return command;
    }

    private sealed class Run(Session session, FileInfo file, string organization, IReadOnlyList<string> permissions, bool yes, bool all)
    {
        private readonly IAnsiConsole _out = session.Console.Out;
        private readonly IAnsiConsole _err = session.Console.Error;

        public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            var client = session.Client;
            await RequireKnownPermissionsAsync(client, cancellationToken);
            var import = await UploadProgressView.RunAsync(session, file, progress => client.ImportFileAsync(file.FullName, organization, progress, cancellationToken));
            var check = await Busy.RunAsync(session, "Checking…", () => client.CheckAsync(import.ImportId, cancellationToken));
            if (check.IsRejected)
            {
                return Rejected(check);
            }

            if (!session.Json)
            {
                DiagnosticsView.WriteSummary(_out, check);
                DiagnosticsView.WriteRowDiagnostics(_out, check, all);
            }

            if (check.Import.ValidRows == 0)
            {
                _err.MarkupLine("Nothing to invite: every row has errors. Fix them and import the file again.");
                WriteJson(check, applied: null);
                return ExitCodes.Rejected;
            }

            if (!await ConfirmAsync(check, cancellationToken))
            {
                WriteJson(check, applied: null);
                return ExitCodes.Usage;
            }

            var applied = await Busy.RunAsync(session, "Inviting…", () => client.ApplyAsync(import.ImportId, permissions, cancellationToken));
            if (session.Json)
            {
                WriteJson(check with { Import = applied.Import }, applied);
            }
            else
            {
                _out.MarkupLineInterpolated($"[green]{Users(applied.InvitedCount)} invited to {organization}[/] ({applied.SkippedCount} skipped: already invited)");
            }

            return ExitCodes.Ok;
        }

        /// <summary>Refuses unknown permissions before uploading, as the server would after the check.</summary>
        private async Task RequireKnownPermissionsAsync(BulkInviteClient client, CancellationToken cancellationToken)
        {
            var known = (await client.ListPermissionsAsync(cancellationToken)).Select(p => p.Id).ToList();
            var unknown = permissions.Select((id, index) => (id, index)).Where(p => !known.Contains(p.id, StringComparer.Ordinal)).ToList();
            if (unknown.Count == 0)
            {
                return;
            }

            var status = new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = $"Unknown permission{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown.Select(p => p.id))}. Nothing was uploaded. The permissions are: {string.Join(", ", known)}.",
                Details =
                {
                    Any.Pack(new BadRequest
                    {
                        FieldViolations =
                        {
                            unknown.Select(p => new BadRequest.Types.FieldViolation
                            {
                                Field = string.Create(CultureInfo.InvariantCulture, $"permissions[{p.index}]"),
                                Description = $"\"{p.id}\" is not a permission (see: bulkinvite permissions).",
                            }),
                        },
                    }),
                },
            };
            throw BulkInviteException.FromRpcException(status.ToRpcException());
        }

        private int Rejected(CheckResult check)
        {
            if (session.Json)
            {
                WriteJson(check, applied: null);
            }
            else
            {
                DiagnosticsView.WriteFileDiagnostics(_out, check);
            }

            _err.MarkupLine("[grey]Hint: fix the file and import it again. 'bulkinvite sample --format xlsx' writes a file with the expected columns.[/]");
            return ExitCodes.Rejected;
        }

        private async Task<bool> ConfirmAsync(CheckResult check, CancellationToken cancellationToken)
        {
            if (yes)
            {
                return true;
            }

            if (!session.Console.CanPrompt)
            {
                _err.MarkupLine("Nothing was applied: confirming needs an interactive terminal.");
                _err.MarkupLine("[grey]Hint: pass --yes to apply without asking.[/]");
                return false;
            }

            var question = $"Invite {Users(check.Import.ValidRows)} to {organization} with {string.Join(", ", permissions)}?";
            var confirmed = await new ConfirmationPrompt(Markup.Escape(question)) { DefaultValue = false }.ShowAsync(_err, cancellationToken);
            if (!confirmed)
            {
                _err.MarkupLine("Nothing was applied.");
            }

            return confirmed;
        }

        private void WriteJson(CheckResult check, ApplyPermissionsResponse? applied)
        {
            if (!session.Json)
            {
                return;
            }

            Json.Write(session.Console, new JsonObject
            {
                ["import"] = Json.Of(check.Import),
                ["fileDiagnostics"] = Json.Of(check.FileDiagnostics),
                ["rowDiagnostics"] = Json.Of(check.RowDiagnostics),
                ["applied"] = applied is not null,
                ["invitedCount"] = applied?.InvitedCount ?? 0,
                ["skippedCount"] = applied?.SkippedCount ?? 0,
            });
        }

        private static string Users(int count) => count == 1 ? "1 user" : string.Create(CultureInfo.InvariantCulture, $"{count} users");
    }
}
