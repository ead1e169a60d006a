import { ImportField, type ColumnMapping } from "../gen/bulkinvite/v1/import_pb.js";
import { text } from "../text.js";

// The check's column mapping in words: each imported column with the field it fills, then the
// columns not imported, so the admin sees at once what was read and what was left.

export interface MappingLines {
  imported: string[];
  ignored: string[];
}

/** How a column is named to a person: its header, or its position when the header cell is blank. */
function columnName(mapping: ColumnMapping): string {
  return mapping.header.trim() ? text.columns.named(mapping.header) : text.columns.numbered(mapping.columnNumber);
}

export function mappingLines(mappings: readonly ColumnMapping[]): MappingLines {
  const imported: string[] = [];
  const ignored: string[] = [];
  for (const mapping of mappings) {
    const field = text.columns.fields[mapping.field];
    if (mapping.field === ImportField.IGNORED || field === undefined) ignored.push(text.columns.notImported(columnName(mapping)));
    else imported.push(text.columns.mapped(columnName(mapping), field));
  }
  return { imported, ignored };
}
