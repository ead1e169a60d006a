// How a refused call reads in TypeScript: a ConnectError whose ErrorInfo gives the reason, and a
// message a person understands; against a real server.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { Code, ConnectError, describeError, errorInfo } from "../src/index.js";
import { mintToken, startServer, type TestServer } from "./server.js";

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

async function refusal(token: string | undefined): Promise<ConnectError> {
  try {
    await server.clientWithToken(token).listPermissions({});
  } catch (error) {
    return ConnectError.from(error);
  }
  assert.fail("the call was accepted");
}

describe("a refused token is UNAUTHENTICATED with an ErrorInfo reason", () => {
  const cases: [string, () => string | undefined, string, string][] = [
    ["no token", () => undefined, "TOKEN_MISSING", "no bearer token"],
    ["not a token", () => "not.a.token", "TOKEN_MALFORMED", "not a valid JWT"],
    ["expired three minutes ago", () => mintToken(server.key, "acme", ["projects.view"], -180), "TOKEN_EXPIRED", "3 minutes ago"],
    ["signed with another key", () => mintToken(randomBytes(32), "acme", ["projects.view"]), "TOKEN_SIGNATURE_INVALID", "signing key"],
  ];
  for (const [name, token, reason, words] of cases) {
    test(name, async () => {
      const error = await refusal(token());

      assert.equal(error.code, Code.Unauthenticated);
      assert.equal(errorInfo(error)?.reason, reason);
      assert.equal(errorInfo(error)?.domain, "bulkinvite.v1");
      assert.ok(error.rawMessage.includes(words), error.rawMessage);
      assert.equal(describeError(error), `UNAUTHENTICATED (${reason}): ${error.rawMessage}`);
    });
  }
});

test("an expired token's metadata says when it expired", async () => {
  const error = await refusal(mintToken(server.key, "acme", ["projects.view"], -3600));

  const expiresAt = Date.parse(errorInfo(error)?.metadata["expires_at"] ?? "");
  assert.ok(Math.abs(expiresAt - (Date.now() - 3600_000)) < 120_000, `expires_at ${errorInfo(error)?.metadata["expires_at"]}`);
});

test("other errors carry their reason too", async () => {
  const client = server.clientFor("acme");
  try {
    await client.getImport({ importId: "0".repeat(32) });
    assert.fail("an unknown import was found");
  } catch (error) {
    assert.equal(errorInfo(error)?.reason, "IMPORT_NOT_FOUND");
    assert.ok(describeError(error).startsWith("NOT_FOUND (IMPORT_NOT_FOUND): "), describeError(error));
  }
});

test("describeError gives any other error's message", () => {
  assert.equal(describeError(new Error("boom")), "UNKNOWN: boom");
});
