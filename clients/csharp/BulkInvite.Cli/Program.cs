using BulkInvite.Cli;

return await BulkInviteCli.RunAsync(args, CliConsole.FromSystemConsole(), handleTermination: true);
