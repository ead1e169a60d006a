namespace BulkInvite.Core.Importing;

/// <summary>
/// Why a call failed, as the ErrorInfo of its status says: the numbers and names are those of
/// <c>bulkinvite.v1.ErrorReason</c> (the contract lists which status code and details come with
/// each); the server sends the proto value's name without its ERROR_REASON_ prefix.
/// </summary>
public enum ErrorReason
{
    Unspecified = 0,
    InvalidRequest = 1,
    ImportNotFound = 2,
    InvitationNotFound = 3,
    UploadNotFound = 4,
    ImportNotChecked = 5,
    ImportRejected = 6,
    ImportAlreadyApplied = 7,
    PrivilegedPermissionsNotConfirmed = 8,
    InvitationExpired = 9,
    InvitationRevoked = 10,
    InvitationAlreadyAccepted = 11,
    InvitationTokenReplaced = 12,
    InvitationAddressInvitedAgain = 13,
    UploadAlreadyFinished = 14,
    RowRevisionMismatch = 15,
    PermissionDenied = 16,
    LimitExceeded = 17,
    UploadIdle = 18,
    StorageUnavailable = 19,
    TokenMissing = 20,
    TokenMalformed = 21,
    TokenExpired = 22,
    TokenNotYetValid = 23,
    TokenSignatureInvalid = 24,
    TokenIssuerInvalid = 25,
    TokenAudienceInvalid = 26,
    Cancelled = 27,
    Internal = 28,
    RateLimited = 29,
}
