namespace BulkInvite.Core.Checking;

/// <summary>How serious a diagnostic is; the numbers are those of <c>bulkinvite.v1.Severity</c>.</summary>
public enum Severity
{
    Unspecified = 0,
    Error = 1,
    Warning = 2,
}
