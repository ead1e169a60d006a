import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import {
  Code,
  ConnectError,
  exportImportResults,
  FileFormat,
  fixImportRow,
  listImportRows,
  removeImportRows,
  ResultsScope,
  RowFilter,
  uploadFileResumably,
  type BulkInviteClient,
} from "../src/index.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const team = "Email,First name,Last name\nann@example.com,Ann,Lee\nnot-an-email,Bob,Ray\nANN@example.com,Ann,Again\n";

/** A checked import of `team` in a new organization, and a client of that organization. */
async function checkedImport(): Promise<{ client: BulkInviteClient; importId: string; organizationId: string }> {
  const organizationId = `org-${randomUUID()}`;
  const client = server.clientFor(organizationId);
  const uploaded = await uploadFileResumably(client, { bytes: new TextEncoder().encode(team), fileName: "team.csv", organizationId });
  await client.checkImport({ importId: uploaded.importId });
  return { client, importId: uploaded.importId, organizationId };
}

test("lists rows, fixes one from its revision, removes one, and applies exactly the rows as fixed", async () => {
  const { client, importId } = await checkedImport();

  const errors = [];
  for await (const row of listImportRows(client, importId, RowFilter.ERRORS)) errors.push(row.rowNumber);
  const fixed = await fixImportRow(client, importId, 3, { email: "bob@example.com", firstName: "Robert" });
  const removed = await removeImportRows(client, importId, [4]);
  const applied = await client.applyPermissions({ importId, permissions: ["projects.view"] });

  assert.deepEqual(errors, [3, 4]);
  assert.deepEqual(
    fixed.rows.map((r) => [r.rowNumber, r.email, r.firstName, Number(r.revision), r.valid]),
    [[3, "bob@example.com", "Robert", 2, true]],
  );
  assert.deepEqual([removed.import?.totalRows, removed.import?.validRows], [2, 2]);
  assert.equal(applied.invitedCount, 2);
});

test("an edit from an older revision is refused with ABORTED", async () => {
  const { client, importId } = await checkedImport();
  await fixImportRow(client, importId, 3, { email: "bob@example.com" });

  await assert.rejects(
    client.updateImportRows({ importId, edits: [{ rowNumber: 3, expectedRevision: 1n, firstName: "Robert" }] }),
    (e: unknown) => e instanceof ConnectError && e.code === Code.Aborted,
  );
});

test("exports every row with its status, and the rows to fix", async () => {
  const { client, importId } = await checkedImport();

  const all = await exportImportResults(client, importId, FileFormat.CSV);
  const toFix = await exportImportResults(client, importId, FileFormat.CSV, ResultsScope.ROWS_TO_FIX);

  const lines = new TextDecoder().decode(all.bytes).replace(/^\uFEFF/, "").split("\r\n");
  assert.match(all.fileName, /\.csv$/);
  assert.deepEqual(lines.slice(0, 2), ["Email,First name,Last name,Status,Reason", "ann@example.com,Ann,Lee,will be invited,"]);
  assert.equal(new TextDecoder().decode(toFix.bytes).trim().split("\r\n").length, 3);
});
