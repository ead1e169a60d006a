using BulkInvite.Cli;

return await Cli.RunAsync(args, CliConsole.FromSystemConsole(), handleTermination: true);
