import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ImportSchema } from "../src/gen/bulkinvite/v1/import_pb.js";
import { ImportRowSchema, RowFilter, type ImportRow } from "../src/gen/bulkinvite/v1/user_import_service_pb.js";
import { editOf, findRow } from "../src/rows/rowEdit.js";
import { reducer } from "../src/state/reducer.js";
import { initialState } from "../src/state/state.js";

const row = (rowNumber: number, email = `u${rowNumber}@example.com`) => create(ImportRowSchema, { rowNumber, email, firstName: "Ann", lastName: "Lee", revision: 2n });

describe("fixing a row in place", () => {
  it("sends only the cells changed, from the revision the row was read at", () => {
    const stored = row(7, "ann@@example.com");

    expect(editOf(stored, { email: "ann@example.com", firstName: "Ann", lastName: "Lee", description: "" })).toEqual({ rowNumber: 7, expectedRevision: 2n, email: "ann@example.com" });
    expect(editOf(stored, { email: "ann@@example.com", firstName: "Ann", lastName: "", description: "HR" })).toEqual({ rowNumber: 7, expectedRevision: 2n, lastName: "", description: "HR" });
    expect(editOf(stored, { email: "ann@@example.com", firstName: "Ann", lastName: "Lee", description: "" })).toBeNull();
  });

  it("finds the row across pages and stops at the first row past it", async () => {
    const pages: Record<string, { rows: ImportRow[]; nextPageToken: string }> = {
      "": { rows: [row(2), row(3)], nextPageToken: "a" },
      a: { rows: [row(5), row(9)], nextPageToken: "b" },
      b: { rows: [row(12)], nextPageToken: "" },
    };
    const asked: string[] = [];
    const list = async (request: { pageToken: string; filter: RowFilter }) => {
      asked.push(request.pageToken);
      return pages[request.pageToken]!;
    };

    expect((await findRow(list, "imp", 9, RowFilter.UNSPECIFIED))?.rowNumber).toBe(9);
    expect(await findRow(list, "imp", 4, RowFilter.UNSPECIFIED)).toBeNull();
    expect(await findRow(list, "imp", 40, RowFilter.UNSPECIFIED)).toBeNull();
    expect(asked).toEqual(["", "a", "", "a", "", "a", "b"]);
  });

  it("replaces the check with the server's after a fix, keeping the table's tab and filter, and says what happened", () => {
    let state = initialState({ name: "import" }, null);
    state = reducer(state, { type: "checked", check: { import: create(ImportSchema, { validRows: 1, invalidRows: 1 }), fileDiagnostics: [], rowDiagnostics: [], columnMappings: [], truncated: false } });
    state = reducer(state, { type: "tableChanged", table: { ...state.wizard.table, code: 7, page: 2 } });
    state = reducer(state, { type: "rowOpened", row: row(3) });
    const opened = state.wizard.editing;

    state = reducer(state, { type: "rowsChanged", check: { ...state.wizard.check!, import: create(ImportSchema, { validRows: 2 }) }, notice: "Row 3 is fixed: it has no error now.", editing: null });

    expect(opened?.row.rowNumber).toBe(3);
    expect(state.wizard.editing).toBeNull();
    expect(state.wizard.check?.import.validRows).toBe(2);
    expect(state.wizard.table).toMatchObject({ code: 7, page: 0 });
    expect(state.wizard.reviewNotice).toBe("Row 3 is fixed: it has no error now.");
    expect(state.wizard.step).toBe("review");
  });
});
