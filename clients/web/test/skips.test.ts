import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { DiagnosticCode, DiagnosticSchema, Severity } from "../src/gen/bulkinvite/v1/diagnostic_pb.js";
import { ImportSchema } from "../src/gen/bulkinvite/v1/import_pb.js";
import { rowsToInvite, rowsToSkip, skipReasons } from "../src/diagnostics/skips.js";

const warning = (rowNumber: number, code: DiagnosticCode) => create(DiagnosticSchema, { rowNumber, code, severity: Severity.WARNING });
const invited = (row: number) => warning(row, DiagnosticCode.ALREADY_INVITED);
const member = (row: number) => warning(row, DiagnosticCode.ALREADY_MEMBER);

describe("the rows applying skips", () => {
  it("are the import's counts when the server fills them", () => {
    const checked = create(ImportSchema, { validRows: 10, alreadyInvitedRows: 2, alreadyMemberRows: 1 });

    expect(rowsToSkip(checked, [invited(2)])).toBe(3);
    expect(rowsToInvite(checked, [invited(2)])).toBe(7);
  });

  it("are counted from the check's warnings where the server leaves the counts at 0, a row once", () => {
    const checked = create(ImportSchema, { validRows: 10 });

    expect(rowsToSkip(checked, [invited(2), invited(3), member(3), member(4), warning(5, DiagnosticCode.FORMULA_PREFIX)])).toBe(3);
    expect(rowsToInvite(create(ImportSchema, { validRows: 1 }), [invited(2), member(3)])).toBe(0);
  });

  it("are split by reason as the applied import says, else as the check's warnings do when they name one reason", () => {
    const split = create(ImportSchema, { skippedCount: 5, skippedAlreadyInvitedCount: 3, skippedAlreadyMemberCount: 2 });
    const unsplit = create(ImportSchema, { skippedCount: 4 });

    expect(skipReasons(split, [])).toEqual({ alreadyInvited: 3, alreadyMembers: 2, either: 0 });
    expect(skipReasons(unsplit, [invited(2)])).toEqual({ alreadyInvited: 4, alreadyMembers: 0, either: 0 });
    expect(skipReasons(unsplit, [member(2)])).toEqual({ alreadyInvited: 0, alreadyMembers: 4, either: 0 });
    expect(skipReasons(unsplit, [invited(2), member(3)])).toEqual({ alreadyInvited: 0, alreadyMembers: 0, either: 4 });
    expect(skipReasons(create(ImportSchema, {}), [invited(2)])).toEqual({ alreadyInvited: 0, alreadyMembers: 0, either: 0 });
  });
});
