import { Code, ConnectError } from "@connectrpc/connect";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { text } from "../text.js";

// What went wrong with a call, for people: the server names every failure with a google.rpc.ErrorInfo
// reason, which the page turns into its own sentence where it has one.

export interface Failure {
  code: Code;
  /** The ErrorInfo reason, such as INVITATION_EXPIRED; "" when the error carried none. */
  reason: string;
  /** A sentence to show. */
  message: string;
  /** The call was refused for want of a (valid) token: the page signs out. */
  signedOut: boolean;
}

const errorInfoType = "google.rpc.ErrorInfo";

/** The reason of a google.rpc.ErrorInfo detail (field 1), read from its wire bytes. */
export function errorInfoReason(bytes: Uint8Array): string {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (field === 1 && wireType === WireType.LengthDelimited) return reader.string();
    reader.skip(wireType);
  }
  return "";
}

export function reasonOf(error: ConnectError): string {
  for (const detail of error.details) {
    if ("type" in detail && detail.type === errorInfoType) return errorInfoReason(detail.value);
  }
  return "";
}

export function describe(error: unknown): Failure {
  const connect = ConnectError.from(error);
  const reason = reasonOf(connect);
  switch (connect.code) {
    case Code.Unauthenticated:
      return { code: connect.code, reason, message: text.errors.signedOut, signedOut: true };
    case Code.PermissionDenied:
      return { code: connect.code, reason, message: connect.rawMessage || text.errors.permissionDenied, signedOut: false };
    case Code.Unavailable:
      return { code: connect.code, reason, message: text.errors.unavailable, signedOut: false };
    case Code.InvalidArgument:
    case Code.FailedPrecondition:
    case Code.NotFound:
    case Code.ResourceExhausted:
    case Code.AlreadyExists:
      // The server's sentences for these say what is wrong and what to do, in plain English.
      return { code: connect.code, reason, message: connect.rawMessage || text.errors.unexpected, signedOut: false };
    default:
      return { code: connect.code, reason, message: text.errors.unexpected, signedOut: false };
  }
}
