import { writeFile } from "node:fs/promises";
import type { BulkInviteClient } from "./client.js";
import type { FileFormat } from "./gen/bulkinvite/v1/import_pb.js";
import {
  ResultsScope,
  RowFilter,
  type ImportRow,
  type RemoveImportRowsResponse,
  type UpdateImportRowsResponse,
} from "./gen/bulkinvite/v1/user_import_service_pb.js";

/** The cells a fix sets; a cell left out keeps its value, "" empties it. */
export interface RowCells {
  email?: string;
  firstName?: string;
  lastName?: string;
  description?: string;
}

/**
 * Every row of a checked (or applied) import with its values, revision and diagnostics, in row
 * order, fetched a page (1,000 rows) at a time as it is iterated. `filter` keeps only the rows with
 * errors (RowFilter.ERRORS) or the valid rows with warnings (RowFilter.WARNINGS).
 */
export async function* listImportRows(client: BulkInviteClient, importId: string, filter: RowFilter = RowFilter.UNSPECIFIED): AsyncGenerator<ImportRow> {
  let pageToken = "";
  do {
    const page = await client.listImportRows({ importId, filter, pageSize: 1000, pageToken });
    yield* page.rows;
    pageToken = page.nextPageToken;
  } while (pageToken !== "");
}

/**
 * Changes cells of one row of a CHECKED import: reads the row's revision, then sends the edit made
 * from it. Someone else's edit of the row in between fails it with Code.Aborted
 * (ROW_REVISION_MISMATCH); nothing is then changed. Resolves to the row as stored, the import's
 * counts and the other rows whose duplicate changed.
 */
export async function fixImportRow(client: BulkInviteClient, importId: string, rowNumber: number, cells: RowCells): Promise<UpdateImportRowsResponse> {
  let current: ImportRow | undefined;
  for await (const row of listImportRows(client, importId)) {
    if (row.rowNumber >= rowNumber) {
      current = row.rowNumber === rowNumber ? row : undefined;
      break;
    }
  }
  if (current === undefined) {
    throw new RangeError(`The import has no row ${rowNumber} (rows are numbered as the spreadsheet shows them; a removed row is gone).`);
  }
  return client.updateImportRows({ importId, edits: [{ rowNumber, expectedRevision: current.revision, ...cells }] });
}

/** Removes rows of a CHECKED import: they will not be invited. Removing a row again is harmless. */
export function removeImportRows(client: BulkInviteClient, importId: string, rowNumbers: number[]): Promise<RemoveImportRowsResponse> {
  return client.removeImportRows({ importId, rowNumbers });
}

/**
 * The results file of a checked or applied import, CSV or XLSX: every row with its status and
 * reason, or with ResultsScope.ROWS_TO_FIX only the rows with errors, ready to correct and upload
 * again. Resolves to the file name the server suggests and the file's bytes.
 */
export async function exportImportResults(
  client: BulkInviteClient,
  importId: string,
  format: FileFormat,
  scope: ResultsScope = ResultsScope.ALL_ROWS,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  let fileName = "";
  const chunks: Uint8Array[] = [];
  for await (const message of client.exportImportResults({ importId, format, scope })) {
    fileName ||= message.fileName;
    chunks.push(message.chunk);
  }
  return { fileName, bytes: Buffer.concat(chunks) };
}

/** exportImportResults, written to `path`. Resolves to the file name the server suggested. */
export async function saveImportResults(
  client: BulkInviteClient,
  importId: string,
  format: FileFormat,
  path: string,
  scope: ResultsScope = ResultsScope.ALL_ROWS,
): Promise<string> {
  const { fileName, bytes } = await exportImportResults(client, importId, format, scope);
  await writeFile(path, bytes);
  return fileName;
}
