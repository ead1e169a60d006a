import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ColumnMappingSchema, ImportField } from "../src/gen/bulkinvite/v1/import_pb.js";
import { mappingLines } from "../src/columns/mapping.js";

const column = (columnNumber: number, header: string, field: ImportField) => create(ColumnMappingSchema, { columnNumber, header, field });

describe("the column mapping", () => {
  it("says which file column fills which field, then which columns are not imported", () => {
    const lines = mappingLines([
      column(1, "Prénom", ImportField.FIRST_NAME),
      column(2, "Department", ImportField.IGNORED),
      column(3, "Courriel", ImportField.EMAIL),
      column(4, "", ImportField.IGNORED),
      column(5, "Nom", ImportField.LAST_NAME),
    ]);

    expect(lines.imported).toEqual(["File column 'Prénom' → First name", "File column 'Courriel' → Email", "File column 'Nom' → Last name"]);
    expect(lines.ignored).toEqual(["'Department' not imported", "Column 4 (no header) not imported"]);
  });
});
