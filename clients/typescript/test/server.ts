// Starts a real BulkInvite server for the tests: the dll from BULKINVITE_SERVER_DLL, or built
// from this repository; a free port on loopback; a fresh working folder (and so a fresh
// SQLite database); a signing key of its own, with which clientFor() mints the tokens an identity
// provider would issue; stopped and removed by stop().
import { execFile, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createBulkInviteClient, type BulkInviteClient } from "../src/index.js";

/** The repository root, from dist/test/server.js. */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const fixtures = join(repoRoot, "tests", "BulkInvite.Core.Tests", "Fixtures");

export interface TestServer {
  baseUrl: string;
  /** The key the server checks tokens with. */
  key: Buffer;
  /** A client acting as an admin of the organization. */
  clientFor(organizationId: string, permissions?: string[]): BulkInviteClient;
  /** A client sending this token, or none. */
  clientWithToken(token: string | undefined): BulkInviteClient;
  stop(): Promise<void>;
}

/** An HS256 JWT with the claims BulkInvite reads (sub, org, permissions), valid for an hour unless told otherwise. */
export function mintToken(key: Buffer, organizationId: string, permissions: string[], expiresInSeconds = 3600): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const issued = Math.min(now, now + expiresInSeconds - 60);
  const claims = { iss: "bulkinvite", aud: "bulkinvite", sub: "ts-tests", org: organizationId, permissions, iat: issued, nbf: issued, exp: now + expiresInSeconds };
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  return `${unsigned}.${createHmac("sha256", key).update(unsigned).digest("base64url")}`;
}

export async function startServer(): Promise<TestServer> {
  const dll = await serverDll();
  const cwd = await mkdtemp(join(tmpdir(), "bulkinvite-ts-test-"));
  const baseUrl = `http://127.0.0.1:${await freePort()}`;
  const key = randomBytes(32);
  const child = spawn("dotnet", [dll, "--urls", baseUrl], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Production", Authentication__SigningKey: key.toString("base64") },
  });
  const clientFor = (organizationId: string, permissions = ["organization.admin"]) =>
    createBulkInviteClient(baseUrl, { token: mintToken(key, organizationId, permissions) });
  let output = "";
  const keep = (data: Buffer) => (output = (output + data.toString()).slice(-20_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  const exited = once(child, "exit");

  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(cwd, { recursive: true, force: true });
  };

  const client = clientFor("readiness-probe");
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    }
    try {
      await client.listPermissions({}, { timeoutMs: 2_000 });
      // An empty token sends no authorization header (and BULKINVITE_TOKEN is not read for it).
      const clientWithToken = (token: string | undefined) => createBulkInviteClient(baseUrl, { token: token ?? "" });
      return { baseUrl, key, clientFor, clientWithToken, stop };
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`The server at ${baseUrl} was not ready within 60 s (${String(error)}):\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function serverDll(): Promise<string> {
  const fromEnv = process.env["BULKINVITE_SERVER_DLL"];
  if (fromEnv) return fromEnv;
  const project = join(repoRoot, "src", "BulkInvite.Server");
  try {
    await promisify(execFile)("dotnet", ["build", project, "--nologo"], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`dotnet build ${project} failed:\n${stdout}${stderr}`);
  }
  return join(project, "bin", "Debug", "net10.0", "BulkInvite.Server.dll");
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
