namespace BulkInvite.Core.Checking;

/// <summary>
/// The stable code of a diagnostic. The numbers are those of <c>bulkinvite.v1.DiagnosticCode</c>,
/// so the gRPC layer converts by value (a test keeps the two in step).
/// </summary>
public enum DiagnosticCode
{
    Unspecified = 0,
    FileEmpty = 1,
    FileUnreadable = 2,
    UnsupportedFormat = 3,
    HeaderMismatch = 4,
    NoUserRows = 5,
    TooManyRows = 6,
    EmailMissing = 7,
    EmailInvalid = 8,
    DuplicateEmail = 9,
    FirstNameMissing = 10,
    LastNameMissing = 11,
    ValueTooLong = 12,
    InvalidCharacters = 13,
    ExtraFields = 14,
    AlreadyInvited = 15,
    FormulaPrefix = 16,
    EmailNonAscii = 17,
    UnclosedQuote = 18,
    FileLimitExceeded = 19,
    AlreadyMember = 20,
    DuplicateColumn = 21,
    ColumnsNotImported = 22,
    HeaderRowMissing = 23,
}
