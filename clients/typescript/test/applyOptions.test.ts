import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { errorInfo, importFile, privilegedPermissions } from "../src/index.js";
import { InvitationService } from "../src/gen/bulkinvite/v1/invitation_service_pb.js";
import { fixtures, mintToken, startServer, type TestServer } from "./server.js";

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** The organization's invitations, read with InvitationService as its admin. */
async function invitationsOf(organizationId: string) {
  const token = mintToken(server.key, organizationId, ["organization.admin"]);
  const transport = createGrpcTransport({
    baseUrl: server.baseUrl,
    interceptors: [(next) => (request) => (request.header.set("authorization", `Bearer ${token}`), next(request))],
  });
  return (await createClient(InvitationService, transport).listInvitations({ organizationId, pageSize: 100 })).invitations;
}

describe("importFile's apply options", () => {
  test("sends the personal message, the lifetime and the confirmation of a privileged permission", async () => {
    const organizationId = `org-${randomUUID()}`;
    const note = 'Welcome, "team"!\nSee you Monday, 9:00';

    const result = await importFile(server.clientFor(organizationId), {
      path: join(fixtures, "team_utf8.csv"),
      organizationId,
      permissions: ["members.invite", "projects.view"],
      personalMessage: note,
      invitationLifetimeMs: 14 * DAY_MS,
      confirmPrivilegedPermissions: true,
    });
    const invitations = await invitationsOf(organizationId);

    assert.equal(result.invitedCount, 4);
    assert.equal(invitations.length, 4);
    for (const invitation of invitations) {
      assert.equal(invitation.personalMessage, note);
      assert.equal(invitation.expireTime!.seconds - invitation.createTime!.seconds, BigInt(14 * 24 * 60 * 60));
    }
  });

  test("without the confirmation a privileged permission is refused, naming it, and nobody is invited", async () => {
    const organizationId = `org-${randomUUID()}`;

    const error = await importFile(server.clientFor(organizationId), {
      path: join(fixtures, "team_utf8.csv"),
      organizationId,
      permissions: ["organization.admin"],
    }).then(
      () => assert.fail("the apply should have been refused"),
      (e: unknown) => e,
    );

    assert.equal(errorInfo(error)?.reason, "PRIVILEGED_PERMISSIONS_NOT_CONFIRMED");
    assert.deepEqual(privilegedPermissions(error), ["organization.admin"]);
    assert.deepEqual(await invitationsOf(organizationId), []);
  });

  test("a lifetime beyond 30 days is INVALID_ARGUMENT naming invitation_lifetime", async () => {
    const organizationId = `org-${randomUUID()}`;

    const error = await importFile(server.clientFor(organizationId), {
      path: join(fixtures, "team_utf8.csv"),
      organizationId,
      permissions: ["projects.view"],
      invitationLifetimeMs: 31 * DAY_MS,
    }).then(
      () => assert.fail("the apply should have been refused"),
      (e: unknown) => e,
    );

    assert.equal(errorInfo(error)?.reason, "INVALID_REQUEST");
    assert.match(String(error), /invitation_lifetime must be from 1 to 30 days/);
  });
});
