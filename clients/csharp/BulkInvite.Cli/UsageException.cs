namespace BulkInvite.Cli;

/// <summary>The command line is wrong in a way the parser cannot see (exit code 1).</summary>
internal sealed class UsageException(string message) : Exception(message);
