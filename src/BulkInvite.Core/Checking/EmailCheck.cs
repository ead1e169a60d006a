namespace BulkInvite.Core.Checking;

/// <summary>The verdict on one email cell.</summary>
/// <param name="ErrorCode">EmailInvalid or ValueTooLong when the address is rejected; null when it is valid.</param>
/// <param name="Problem">What is wrong, as a sentence for the admin; null when valid.</param>
/// <param name="Normalized">Lowercased, with the domain in punycode: the key that duplicates are compared on. Null when invalid.</param>
/// <param name="HasNonAsciiLocalPart">The local part has letters beyond ASCII (valid, but worth a warning).</param>
public sealed record EmailCheck(DiagnosticCode? ErrorCode, string? Problem, string? Normalized, bool HasNonAsciiLocalPart)
{
    public bool IsValid => ErrorCode is null;
}
