namespace BulkInvite.Core.Reading;

/// <summary>A file that cannot be read, with the file-level diagnostic that says why.</summary>
public sealed class UnreadableFileException : Exception
{
    public UnreadableFileException(Checking.DiagnosticCode code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public UnreadableFileException()
        : this(Checking.DiagnosticCode.FileUnreadable, "The file cannot be read.")
    {
    }

    public UnreadableFileException(string message)
        : this(Checking.DiagnosticCode.FileUnreadable, message)
    {
    }

    public UnreadableFileException(string message, Exception inner)
        : this(Checking.DiagnosticCode.FileUnreadable, message, inner)
    {
    }

    public Checking.DiagnosticCode Code { get; }
}
