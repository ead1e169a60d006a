import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { DiagnosticCode, DiagnosticSchema, Severity } from "../src/gen/bulkinvite/v1/diagnostic_pb.js";
import { codesIn, initialView, pageSize, visible } from "../src/diagnostics/view.js";

const d = (rowNumber: number, code: DiagnosticCode, severity: Severity, column = "Email", value = "") => create(DiagnosticSchema, { rowNumber, code, severity, column, value });

const diagnostics = [
  d(4, DiagnosticCode.EMAIL_INVALID, Severity.ERROR, "Email", "zed"),
  d(2, DiagnosticCode.FIRST_NAME_MISSING, Severity.ERROR, "First name"),
  d(3, DiagnosticCode.EMAIL_INVALID, Severity.ERROR, "Email", "amy"),
  d(5, DiagnosticCode.ALREADY_INVITED, Severity.WARNING),
  d(5, DiagnosticCode.FORMULA_PREFIX, Severity.WARNING),
  d(6, DiagnosticCode.ALREADY_MEMBER, Severity.WARNING),
];

describe("the diagnostics table's view", () => {
  it("shows errors and warnings apart, by row number first", () => {
    expect(visible(diagnostics, initialView).rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(visible(diagnostics, { ...initialView, severity: Severity.WARNING }).rows.map((r) => r.code)).toEqual([
      DiagnosticCode.ALREADY_INVITED,
      DiagnosticCode.FORMULA_PREFIX,
      DiagnosticCode.ALREADY_MEMBER,
    ]);
  });

  it("sorts by any column either way and filters by code", () => {
    expect(visible(diagnostics, { ...initialView, sort: { key: "row", ascending: false } }).rows.map((r) => r.rowNumber)).toEqual([4, 3, 2]);
    expect(visible(diagnostics, { ...initialView, sort: { key: "value", ascending: true } }).rows.map((r) => r.value)).toEqual(["", "amy", "zed"]);
    expect(visible(diagnostics, { ...initialView, code: DiagnosticCode.EMAIL_INVALID }).rows.map((r) => r.rowNumber)).toEqual([3, 4]);
    expect(codesIn(diagnostics.filter((x) => x.severity === Severity.ERROR))).toEqual([DiagnosticCode.EMAIL_INVALID, DiagnosticCode.FIRST_NAME_MISSING]);
  });

  it("pages, keeping the last page when asked past it", () => {
    const many = Array.from({ length: pageSize * 2 + 1 }, (_, i) => d(i + 2, DiagnosticCode.EMAIL_INVALID, Severity.ERROR));

    expect(visible(many, initialView)).toMatchObject({ pages: 3, total: pageSize * 2 + 1 });
    expect(visible(many, { ...initialView, page: 9 }).rows.map((r) => r.rowNumber)).toEqual([pageSize * 2 + 2]);
  });
});
