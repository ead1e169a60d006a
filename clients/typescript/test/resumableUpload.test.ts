import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { createBulkInviteClient, importFile, ImportState, uploadFileResumably } from "../src/index.js";
import { startCuttingProxy, type CuttingProxy } from "./cuttingProxy.js";
import { mintToken, startServer, type TestServer } from "./server.js";

let server: TestServer;
let proxy: CuttingProxy;

before(async () => {
  server = await startServer();
  proxy = await startCuttingProxy(server.baseUrl);
});
after(async () => {
  await proxy?.close();
  await server?.stop();
});

/** A CSV of `rows` valid users: about 40 bytes a row. */
function users(rows: number): Uint8Array {
  const id = randomUUID().slice(0, 8);
  const lines = ["Email,First name,Last name"];
  for (let i = 0; i < rows; i++) lines.push(`user${i}.${id}@example.com,First,Last`);
  return Buffer.from(lines.join("\n") + "\n");
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

test("uploadFileResumably writes the file at its offsets and returns the import the server verified", async () => {
  const organizationId = `org-${randomUUID()}`;
  const client = server.clientFor(organizationId);
  const bytes = users(60_000);
  const reports: number[] = [];

  const uploaded = await uploadFileResumably(client, { bytes, fileName: "users.csv", organizationId, onProgress: (p) => reports.push(p.sentBytes) });
  const checked = await client.checkImport({ importId: uploaded.importId });

  assert.ok(bytes.byteLength > 2 * 1024 * 1024, "the file must take several writes");
  assert.deepEqual([reports[0], reports.at(-1)], [0, bytes.byteLength]);
  assert.equal(uploaded.state, ImportState.UPLOADED);
  assert.deepEqual([uploaded.sizeBytes, uploaded.sha256], [BigInt(bytes.byteLength), sha256(bytes)]);
  assert.equal(checked.import?.validRows, 60_000);
});

test("an upload whose connection is cut in the middle of a write resumes from the bytes the server stored", async () => {
  const organizationId = `org-${randomUUID()}`;
  const client = createBulkInviteClient(proxy.baseUrl, { token: mintToken(server.key, organizationId, ["organization.admin"]) });
  const bytes = users(80_000);
  const reports: number[] = [];
  const connectionsBefore = proxy.connections;
  // Half-way through the second 1 MiB write.
  proxy.cutAfter(1.5 * 1024 * 1024);

  const uploaded = await uploadFileResumably(client, {
    bytes,
    fileName: "users.csv",
    organizationId,
    initialBackoffMs: 100,
    onProgress: (p) => reports.push(p.sentBytes),
  });
  const checked = await client.checkImport({ importId: uploaded.importId });

  assert.equal(proxy.cuts, 1);
  assert.ok(proxy.connections - connectionsBefore >= 2, "the client connected again after the cut");
  // The reports never go back: the second write's bytes were never stored, the first's were kept.
  assert.deepEqual(reports, [...reports].sort((a, b) => a - b));
  assert.equal(reports.filter((r) => r === 1024 * 1024).length, 2, "1 MiB stored before the cut, and again as QueryUploadStatus's answer");
  assert.deepEqual([uploaded.sizeBytes, uploaded.sha256], [BigInt(bytes.byteLength), sha256(bytes)]);
  assert.equal(checked.import?.validRows, 80_000);
});

test("importFile with resumable uploads through the resumable upload and applies", async () => {
  const organizationId = `org-${randomUUID()}`;
  const client = server.clientFor(organizationId);

  const result = await importFile(client, {
    bytes: users(3),
    fileName: "users.csv",
    organizationId,
    permissions: ["projects.view"],
    resumable: true,
  });

  assert.equal(result.import.state, ImportState.APPLIED);
  assert.equal(result.invitedCount, 3);
});
