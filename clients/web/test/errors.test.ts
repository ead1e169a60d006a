import { create, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { describe as describeFailure, errorInfoReason, reasonOf } from "../src/api/errors.js";
import { ErrorInfoSchema } from "../src/gen/google/rpc/error_details_pb.js";
import { acceptProblem } from "../src/state/actions.js";

const withReason = (code: Code, reason: string, message = "The server's sentence.") => {
  const error = new ConnectError(message, code);
  // As a received error holds its details: the type name and the encoded message.
  error.details.push({ type: "google.rpc.ErrorInfo", value: toBinary(ErrorInfoSchema, create(ErrorInfoSchema, { reason, domain: "bulkinvite.v1", metadata: { limit: "4" } })) });
  return error;
};

describe("what a failed call means for people", () => {
  it("reads the ErrorInfo reason the server attaches", () => {
    const bytes = toBinary(ErrorInfoSchema, create(ErrorInfoSchema, { domain: "bulkinvite.v1", reason: "INVITATION_EXPIRED" }));

    expect(errorInfoReason(bytes)).toBe("INVITATION_EXPIRED");
    expect(reasonOf(withReason(Code.FailedPrecondition, "INVITATION_REVOKED"))).toBe("INVITATION_REVOKED");
    expect(reasonOf(new ConnectError("no details", Code.Internal))).toBe("");
  });

  it("signs out on UNAUTHENTICATED, shows the server's sentence for refusals, and never a raw status otherwise", () => {
    expect(describeFailure(withReason(Code.Unauthenticated, "TOKEN_EXPIRED"))).toMatchObject({ signedOut: true, reason: "TOKEN_EXPIRED" });
    expect(describeFailure(withReason(Code.FailedPrecondition, "IMPORT_NOT_CHECKED", "Check the import first.")).message).toBe("Check the import first.");
    expect(describeFailure(new ConnectError("stack trace here", Code.Internal)).message).toBe("Something went wrong. Try again.");
  });

  it("picks the accept page's explanation from the status and reason", () => {
    expect(acceptProblem({ code: Code.NotFound, reason: "INVITATION_NOT_FOUND" })).toBe("INVITATION_NOT_FOUND");
    expect(acceptProblem({ code: Code.FailedPrecondition, reason: "INVITATION_TOKEN_REPLACED" })).toBe("INVITATION_TOKEN_REPLACED");
    expect(acceptProblem({ code: Code.Internal, reason: "" })).toBe("other");
  });
});
