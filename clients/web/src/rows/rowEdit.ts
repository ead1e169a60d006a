import type { ImportRow, RowFilter } from "../gen/bulkinvite/v1/user_import_service_pb.js";

// Fixing one row in place: the row is found with ListImportRows (rows come in row order, so the
// search stops at the first row past it), and an edit sends only the cells the admin changed, from
// the revision they were read at (UpdateImportRows refuses an edit of a row changed since).

export interface RowCells {
  email: string;
  firstName: string;
  lastName: string;
  description: string;
}

export const cellNames: (keyof RowCells)[] = ["email", "firstName", "lastName", "description"];

type ListRows = (request: { importId: string; filter: RowFilter; pageSize: number; pageToken: string }) => Promise<{ rows: ImportRow[]; nextPageToken: string }>;

/** The row, as stored now, among the rows of the filter; null when it is not (removed, or no longer matching). */
export async function findRow(listImportRows: ListRows, importId: string, rowNumber: number, filter: RowFilter): Promise<ImportRow | null> {
  let pageToken = "";
  do {
    const page = await listImportRows({ importId, filter, pageSize: 1000, pageToken });
    for (const row of page.rows) {
      if (row.rowNumber >= rowNumber) return row.rowNumber === rowNumber ? row : null;
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  return null;
}

export function cellsOf(row: ImportRow): RowCells {
  return { email: row.email, firstName: row.firstName, lastName: row.lastName, description: row.description };
}

/** The RowEdit for the cells that differ from the row's: null when nothing changed. */
export function editOf(row: ImportRow, cells: RowCells): { rowNumber: number; expectedRevision: bigint } & Partial<RowCells> | null {
  const changed = cellNames.filter((name) => cells[name] !== row[name]);
  if (changed.length === 0) return null;
  return { rowNumber: row.rowNumber, expectedRevision: row.revision, ...Object.fromEntries(changed.map((name) => [name, cells[name]])) };
}
