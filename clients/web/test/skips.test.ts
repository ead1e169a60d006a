import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ImportSchema } from "../src/gen/bulkinvite/v1/import_pb.js";
import { rowsToInvite, rowsToSkip, skipReasons } from "../src/diagnostics/skips.js";
import { text } from "../src/text.js";

describe("the rows applying skips", () => {
  it("are the import's counts after the check", () => {
    const checked = create(ImportSchema, { validRows: 10, alreadyInvitedRows: 2, alreadyMemberRows: 1 });

    expect(rowsToSkip(checked)).toBe(3);
    expect(rowsToInvite(checked)).toBe(7);
    expect(rowsToInvite(create(ImportSchema, { validRows: 1, alreadyInvitedRows: 1, alreadyMemberRows: 1 }))).toBe(0);
  });

  it("are split by reason as the applied import says", () => {
    const split = create(ImportSchema, { skippedCount: 5, skippedAlreadyInvitedCount: 3, skippedAlreadyMemberCount: 2 });

    expect(skipReasons(split)).toEqual({ alreadyInvited: 3, alreadyMembers: 2, either: 0 });
    expect(skipReasons(create(ImportSchema, {}))).toEqual({ alreadyInvited: 0, alreadyMembers: 0, either: 0 });
  });

  it("are said in words on the result", () => {
    expect(text.result.skipped(1, 0, 0)).toBe("1 skipped: already invited");
    expect(text.result.skipped(3, 2, 0)).toBe("5 skipped: 3 already invited, 2 already members");
    expect(text.result.skipped(0, 1, 0)).toBe("1 skipped: already a member");
  });
});
