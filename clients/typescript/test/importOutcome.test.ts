import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { importFile, type BulkInviteClient } from "../src/index.js";
import { fixtures, startServer, type TestServer } from "./server.js";

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

/** A new organization and a client acting as its admin. */
function organization(): { client: BulkInviteClient; organizationId: string } {
  const organizationId = `org-${randomUUID()}`;
  return { client: server.clientFor(organizationId), organizationId };
}

describe("importFile says what it came to, so that 0 invited is never ambiguous", () => {
  test("invited: the team's four valid users", async () => {
    const { client, organizationId } = organization();
    const result = await importFile(client, { path: join(fixtures, "team_utf8.csv"), organizationId, permissions: ["projects.view"] });
    assert.equal(result.outcome, "invited");
    assert.equal(result.summary, `4 users invited to ${organizationId}`);
  });

  test("nobody_to_invite: the same users imported again", async () => {
    const { client, organizationId } = organization();
    await importFile(client, { path: join(fixtures, "team_utf8.csv"), organizationId, permissions: ["projects.view"] });
    const again = await importFile(client, { path: join(fixtures, "team_libreoffice.xlsx"), organizationId, permissions: ["projects.view"] });
    assert.deepEqual([again.invitedCount, again.skippedCount, again.outcome], [0, 4, "nobody_to_invite"]);
    assert.equal(again.summary, `Nobody invited to ${organizationId}: all 4 valid rows are already invited or members`);
  });

  test("rejected: a file whose header is wrong", async () => {
    const { client, organizationId } = organization();
    const bytes = Buffer.from("Mail,Name\nada@example.com,Ada\n");
    const result = await importFile(client, { bytes, fileName: "users.csv", organizationId, permissions: ["projects.view"] });
    assert.deepEqual([result.invitedCount, result.outcome], [0, "rejected"]);
    assert.match(result.summary, new RegExp(`^File rejected, nobody invited to ${organizationId}: HEADER_MISMATCH: `));
  });

  test("no_valid_rows: every row has errors", async () => {
    const { client, organizationId } = organization();
    const bytes = Buffer.from("Email,First name,Last name\nnot-an-email,Ada,Lovelace\n");
    const result = await importFile(client, { bytes, fileName: "users.csv", organizationId, permissions: ["projects.view"] });
    assert.deepEqual([result.invitedCount, result.outcome], [0, "no_valid_rows"]);
    assert.equal(result.summary, `Nobody invited to ${organizationId}: every row has errors (1; see rowDiagnostics)`);
  });
});
