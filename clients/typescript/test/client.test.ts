// The bearer token, seen by a stand-in server (the real one does not check tokens yet).
import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, type ServerHttp2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { createBulkInviteClient, UserImportService } from "../src/index.js";

const server = createServer(
  connectNodeAdapter({
    grpc: true,
    connect: false,
    grpcWeb: false,
    routes: (router) =>
      router.service(UserImportService, {
        // Echoes the authorization header it received as the one permission's description.
        listPermissions: (_request, context) => ({
          permissions: [{ id: "echo", description: context.requestHeader.get("authorization") ?? "(none)" }],
        }),
      }),
  }),
);
const sessions = new Set<ServerHttp2Session>();
server.on("session", (session) => sessions.add(session));
let baseUrl = "";
before(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  // The clients keep their HTTP/2 connections open, and close() waits for them.
  for (const session of sessions) session.destroy();
  server.close();
});

async function authorizationSent(token?: string): Promise<string | undefined> {
  const client = createBulkInviteClient(baseUrl, token === undefined ? {} : { token });
  const { permissions } = await client.listPermissions({});
  return permissions[0]?.description;
}

test("a given token is sent as a bearer token", async () => {
  assert.equal(await authorizationSent("s3cret"), "Bearer s3cret");
});

test("BULKINVITE_TOKEN is the default token, and an explicit one wins", async (t) => {
  const saved = process.env["BULKINVITE_TOKEN"];
  t.after(() => {
    if (saved === undefined) delete process.env["BULKINVITE_TOKEN"];
    else process.env["BULKINVITE_TOKEN"] = saved;
  });
  process.env["BULKINVITE_TOKEN"] = "from-env";
  assert.equal(await authorizationSent(), "Bearer from-env");
  assert.equal(await authorizationSent("explicit"), "Bearer explicit");
  delete process.env["BULKINVITE_TOKEN"];
  assert.equal(await authorizationSent(), "(none)");
});
