import { describe, expect, it } from "vitest";
import { InvitationStatus } from "../src/gen/bulkinvite/v1/invitation_pb.js";
import { hrefOf, parseRoute } from "../src/routes.js";

describe("the page's addresses", () => {
  it("name each screen and read their parameters", () => {
    expect(parseRoute("/", "")).toEqual({ name: "import" });
    expect(parseRoute("/imports/0123456789abcdef0123456789abcdef", "")).toEqual({ name: "review", importId: "0123456789abcdef0123456789abcdef" });
    expect(parseRoute("/invitations", "?import=abc")).toEqual({ name: "invitations", importId: "abc", status: InvitationStatus.UNSPECIFIED });
    expect(parseRoute("/invitations", "?import=abc&status=pending")).toEqual({ name: "invitations", importId: "abc", status: InvitationStatus.PENDING });
    expect(parseRoute("/invitations", "?status=nonsense")).toEqual({ name: "invitations", importId: "", status: InvitationStatus.UNSPECIFIED });
    expect(parseRoute("/invitations/accept", "?token=t0k3n")).toEqual({ name: "accept", token: "t0k3n" });
    expect(parseRoute("/imports/not-an-id", "")).toEqual({ name: "notFound" });
  });

  it("write the invitations' filters back, and never put the invitation token back in an address", () => {
    expect(hrefOf({ name: "accept", token: "secret" })).toBe("/invitations/accept");
    expect(hrefOf({ name: "invitations", importId: "a b", status: InvitationStatus.UNSPECIFIED })).toBe("/invitations?import=a+b");
    expect(hrefOf({ name: "invitations", importId: "abc", status: InvitationStatus.PENDING })).toBe("/invitations?import=abc&status=pending");
    expect(hrefOf({ name: "invitations", importId: "", status: InvitationStatus.UNSPECIFIED })).toBe("/invitations");
  });
});
