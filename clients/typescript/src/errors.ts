import { Code, ConnectError } from "@connectrpc/connect";
import { ErrorInfoSchema, PreconditionFailureSchema, type ErrorInfo } from "./gen/google/rpc/error_details_pb.js";

/**
 * The google.rpc.ErrorInfo of a failed call, if it has one: every BulkInvite error does, in domain
 * "bulkinvite.v1", its `reason` saying which error it is (TOKEN_MISSING, TOKEN_EXPIRED,
 * IMPORT_NOT_FOUND, …) and its `metadata` the specifics (expires_at, missing_permissions, …).
 */
export function errorInfo(error: unknown): ErrorInfo | undefined {
  return ConnectError.from(error).findDetails(ErrorInfoSchema)[0];
}

/**
 * For a refused apply (PRIVILEGED_PERMISSIONS_NOT_CONFIRMED): the privileged permissions it would have
 * granted, which `confirmPrivilegedPermissions` confirms; empty for any other error.
 */
export function privilegedPermissions(error: unknown): string[] {
  return ConnectError.from(error)
    .findDetails(PreconditionFailureSchema)
    .flatMap((failure) => failure.violations)
    .filter((violation) => violation.type === "PRIVILEGED_PERMISSIONS_NOT_CONFIRMED")
    .map((violation) => violation.subject);
}

/**
 * A failed call in one line, as a person reads it: the gRPC status, the reason, and the server's
 * message, such as "UNAUTHENTICATED (TOKEN_EXPIRED): The token expired at 14:02:11 UTC, 3 minutes
 * ago; …". Any other error gives its message.
 */
export function describeError(error: unknown): string {
  const connectError = ConnectError.from(error);
  const status = statusName(connectError.code);
  const reason = errorInfo(connectError)?.reason;
  return `${status}${reason ? ` (${reason})` : ""}: ${connectError.rawMessage}`;
}

/** "Unauthenticated" → "UNAUTHENTICATED", "InvalidArgument" → "INVALID_ARGUMENT": gRPC's own spelling. */
function statusName(code: Code): string {
  return Code[code].replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}
