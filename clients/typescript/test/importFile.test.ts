import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import {
  Code,
  ConnectError,
  DiagnosticCode,
  FileFormat,
  importFile,
  ImportState,
  MAX_CHUNK_SIZE,
  Severity,
  type BulkInviteClient,
  type Diagnostic,
  type ImportProgress,
} from "../src/index.js";
import { fixtures, startServer, type TestServer } from "./server.js";

let server: TestServer;
let client: BulkInviteClient;
let organization = "";

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});
// A new organization per test, so that no test sees another's invitations; the client's token is its admin's.
beforeEach(() => {
  organization = `org-${randomUUID()}`;
  client = server.clientFor(organization);
});

/** The current test's organization. */
const newOrganization = () => organization;

/** The diagnostics as [row, column, code, severity, value], easy to compare whole. */
const brief = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => [d.rowNumber, d.column, DiagnosticCode[d.code], Severity[d.severity], d.value]);

const emailInvalidOnRow4 = [[4, "Email", "EMAIL_INVALID", "ERROR", "not-an-email"]];

describe("importFile with the team fixtures (5 rows, row 4 invalid)", () => {
  for (const [fileName, format] of [
    ["team_libreoffice.xlsx", FileFormat.XLSX],
    ["team_utf8.csv", FileFormat.CSV],
  ] as const) {
    test(`${fileName}: invites the 4 valid users and reports row 4`, async () => {
      const path = join(fixtures, fileName);
      const bytes = await readFile(path);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const organizationId = newOrganization();
      const { client: recorded, metadata } = recording(client);
      const result = await importFile(recorded, {
        path,
        organizationId,
        permissions: ["projects.view", "images.annotate"],
      });

      assert.match(sha256, /^[0-9a-f]{64}$/);
      assert.deepEqual(metadata, [{ organizationId, fileName, sizeBytes: BigInt(bytes.byteLength), sha256 }]);

      assert.equal(result.invitedCount, 4);
      assert.equal(result.skippedCount, 0);
      assert.deepEqual(result.fileDiagnostics, []);
      assert.deepEqual(brief(result.rowDiagnostics), emailInvalidOnRow4);
      assert.equal(result.import.state, ImportState.APPLIED);
      assert.equal(result.import.fileName, fileName);
      assert.equal(result.import.format, format);
      assert.equal(result.import.sizeBytes, BigInt(bytes.byteLength));
      assert.equal(result.import.sha256, sha256);
      assert.deepEqual([result.import.totalRows, result.import.validRows, result.import.invalidRows], [5, 4, 1]);
      assert.deepEqual([result.import.invitedCount, result.import.skippedCount], [4, 0]);
      assert.deepEqual(result.import.permissions, ["images.annotate", "projects.view"]);
    });
  }

  test("a second import of the same users skips all 4 with ALREADY_INVITED warnings", async () => {
    const organizationId = newOrganization();
    const first = await importFile(client, {
      path: join(fixtures, "team_utf8.csv"),
      organizationId,
      permissions: ["projects.view"],
    });
    assert.deepEqual([first.invitedCount, first.skippedCount], [4, 0]);

    const second = await importFile(client, {
      path: join(fixtures, "team_libreoffice.xlsx"),
      organizationId,
      permissions: ["projects.view"],
    });
    assert.deepEqual([second.invitedCount, second.skippedCount], [0, 4]);
    assert.notEqual(second.import.importId, first.import.importId);
    assert.deepEqual(brief(second.rowDiagnostics), [
      [2, "Email", "ALREADY_INVITED", "WARNING", "ines.garcia@example.es"],
      [3, "Email", "ALREADY_INVITED", "WARNING", "bjorn.olsen@example.no"],
      ...emailInvalidOnRow4,
      [5, "Email", "ALREADY_INVITED", "WARNING", "akira.tanaka@example.jp"],
      [6, "Email", "ALREADY_INVITED", "WARNING", "marie.curie@example.fr"],
    ]);
  });
});

/** The client, with the upload metadata and the calls to applyPermissions and checkImport recorded. */
function recording(inner: BulkInviteClient) {
  const metadata: { organizationId?: string; fileName?: string; sizeBytes?: bigint; sha256?: string }[] = [];
  const applied: { importId: string; requestId: string }[] = [];
  const checkedPages: string[] = [];
  const wrapped: BulkInviteClient = {
    ...inner,
    uploadImportFile: (requests, options) =>
      inner.uploadImportFile(
        (async function* () {
          for await (const request of requests) {
            if (request.content?.case === "metadata") {
              const { organizationId, fileName, sizeBytes, sha256 } = request.content.value;
              metadata.push({ organizationId, fileName, sizeBytes: BigInt(sizeBytes ?? 0), sha256 });
            }
            yield request;
          }
        })(),
        options,
      ),
    applyPermissions: (request, options) => {
      applied.push({ importId: request.importId ?? "", requestId: request.requestId ?? "" });
      return inner.applyPermissions(request, options);
    },
    checkImport: (request, options) => {
      checkedPages.push(request.pageToken ?? "");
      return inner.checkImport(request, options);
    },
  };
  return { client: wrapped, metadata, applied, checkedPages };
}

describe("rejected files", () => {
  const cases = [
    {
      name: "a PNG",
      bytes: Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex"),
      fileName: "users.csv",
      code: "UNSUPPORTED_FORMAT",
    },
    {
      name: "a CSV with a wrong header",
      bytes: Buffer.from("Mail,Given name,Family name\r\nada@example.com,Ada,Lovelace\r\n"),
      fileName: "users.csv",
      code: "HEADER_MISMATCH",
    },
  ];
  for (const c of cases) {
    test(`${c.name} returns its file diagnostic and is not applied`, async () => {
      const { client: recorded, applied } = recording(client);
      const result = await importFile(recorded, {
        bytes: c.bytes,
        fileName: c.fileName,
        organizationId: newOrganization(),
        permissions: ["projects.view"],
      });
      assert.equal(result.import.state, ImportState.REJECTED);
      assert.deepEqual(
        result.fileDiagnostics.map((d) => [d.rowNumber, DiagnosticCode[d.code], Severity[d.severity]]),
        [[0, c.code, "ERROR"]],
      );
      assert.ok(result.fileDiagnostics[0]?.message, "a file diagnostic has a message for the admin");
      assert.deepEqual(result.rowDiagnostics, []);
      assert.deepEqual([result.invitedCount, result.skippedCount], [0, 0]);
      assert.deepEqual(applied, []);
      const stored = (await client.getImport({ importId: result.import.importId })).import!;
      assert.equal(stored.state, ImportState.REJECTED);
      assert.deepEqual(stored.permissions, []);
    });
  }
});

describe("errors are ConnectErrors with the status code and google.rpc details", () => {
  test("GetImport of an unknown id is NOT_FOUND with ResourceInfo", async () => {
    const error = await client.getImport({ importId: "0".repeat(32) }).then(
      () => assert.fail("GetImport of an unknown id succeeded"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConnectError);
    assert.equal(error.code, Code.NotFound);
    assert.deepEqual(
      error.details.map((d) => ("type" in d ? d.type : d.desc.typeName)),
      ["google.rpc.ErrorInfo", "google.rpc.ResourceInfo"],
    );
  });

  test("an unknown permission is INVALID_ARGUMENT with BadRequest, and the import stays CHECKED", async () => {
    const { client: recorded, applied, checkedPages } = recording(client);
    const error = await importFile(recorded, {
      path: join(fixtures, "team_utf8.csv"),
      organizationId: newOrganization(),
      permissions: ["projects.view", "no.such.permission"],
    }).then(
      () => assert.fail("importFile with an unknown permission succeeded"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConnectError);
    assert.equal(error.code, Code.InvalidArgument);
    assert.ok(error.details.some((d) => "type" in d && d.type === "google.rpc.BadRequest"));
    assert.equal(applied.length, 1, "INVALID_ARGUMENT is not retried");
    assert.equal(checkedPages.length, 1);
  });
});

describe("upload progress", () => {
  test("reports each chunk's running total, ending at the file size", async () => {
    const progress: ImportProgress[] = [];
    const path = join(fixtures, "team_utf8.csv");
    const size = (await readFile(path)).byteLength;
    const result = await importFile(client, {
      path,
      organizationId: newOrganization(),
      permissions: ["projects.view"],
      chunkSize: 100,
      onProgress: (p) => progress.push(p),
    });
    assert.equal(size, 267);
    assert.deepEqual(
      progress.map((p) => [p.sentBytes, p.totalBytes]),
      [
        [100, size],
        [200, size],
        [size, size],
      ],
    );
    assert.equal(result.import.sizeBytes, BigInt(size));
    assert.equal(result.invitedCount, 4);
  });

  test("a file over 2 MiB goes up in chunks of 1 MiB", async () => {
    const description = "d".repeat(1000); // the longest Description allowed, to reach 2 MiB in few rows
    const rows = Array.from({ length: 2_500 }, (_, i) => `user${i}@example.com,First${i},Last${i},${description}`);
    const bytes = Buffer.from(`Email,First name,Last name,Description\n${rows.join("\n")}\n`);
    assert.ok(bytes.byteLength > 2 * MAX_CHUNK_SIZE);
    const progress: number[] = [];
    const result = await importFile(client, {
      bytes,
      fileName: "many.csv",
      organizationId: newOrganization(),
      permissions: ["projects.view"],
      onProgress: (p) => progress.push(p.sentBytes),
    });
    assert.deepEqual(progress, [MAX_CHUNK_SIZE, 2 * MAX_CHUNK_SIZE, bytes.byteLength]);
    assert.deepEqual(brief(result.rowDiagnostics), []);
    assert.equal(result.invitedCount, 2_500);
  });

  test("a chunk size over 1 MiB is refused before anything is sent", async () => {
    await assert.rejects(
      importFile(client, {
        bytes: new Uint8Array(1),
        fileName: "x.csv",
        organizationId: newOrganization(),
        permissions: ["projects.view"],
        chunkSize: MAX_CHUNK_SIZE + 1,
      }),
      RangeError,
    );
  });
});

describe("diagnostics over several pages", () => {
  test("importFile reads every page, in row order", async () => {
    const bad = ["one", "two", "three", "four", "five"];
    const csv = `Email,First name,Last name\n${bad.map((b) => `${b},A,B`).join("\n")}\nok@example.com,Ok,Fine\n`;
    const { client: recorded, checkedPages } = recording(client);
    const result = await importFile(recorded, {
      bytes: Buffer.from(csv),
      fileName: "bad.csv",
      organizationId: newOrganization(),
      permissions: ["projects.view"],
      pageSize: 2,
    });
    assert.equal(checkedPages.length, 3);
    assert.equal(checkedPages[0], "");
    assert.deepEqual(
      brief(result.rowDiagnostics),
      bad.map((b, i) => [i + 2, "Email", "EMAIL_INVALID", "ERROR", b]),
    );
    assert.equal(result.invitedCount, 1);
  });
});

describe("ApplyPermissions retries", () => {
  test("a retry after UNAVAILABLE sends the same request_id and returns the stored result", async () => {
    const { client: recorded, applied } = recording(client);
    let failed = false;
    const flaky: BulkInviteClient = {
      ...recorded,
      applyPermissions: async (request, options) => {
        const response = await recorded.applyPermissions(request, options);
        if (failed) return response;
        failed = true; // applied on the server, but the answer is "lost"
        throw new ConnectError("connection lost", Code.Unavailable);
      },
    };
    const result = await importFile(flaky, {
      path: join(fixtures, "team_utf8.csv"),
      organizationId: newOrganization(),
      permissions: ["projects.view"],
    });
    assert.equal(applied.length, 2);
    assert.equal(applied[0]?.requestId, applied[1]?.requestId);
    assert.match(applied[0]?.requestId ?? "", /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([result.invitedCount, result.skippedCount], [4, 0]);
    assert.equal(result.import.state, ImportState.APPLIED);
  });

  test("a given request_id is the one sent", async () => {
    const { client: recorded, applied } = recording(client);
    const requestId = randomUUID();
    await importFile(recorded, {
      path: join(fixtures, "team_utf8.csv"),
      organizationId: newOrganization(),
      permissions: ["projects.view"],
      requestId,
    });
    assert.deepEqual(applied.map((a) => a.requestId), [requestId]);
  });
});

describe("GetSampleFile", () => {
  for (const format of [FileFormat.CSV, FileFormat.XLSX]) {
    test(`the ${FileFormat[format]} sample imports with no diagnostics`, async () => {
      let fileName = "";
      const chunks: Uint8Array[] = [];
      for await (const message of client.getSampleFile({ format })) {
        fileName ||= message.fileName;
        chunks.push(message.chunk);
      }
      assert.equal(fileName, `bulk-invite-sample.${FileFormat[format].toLowerCase()}`);
      const result = await importFile(client, {
        bytes: Buffer.concat(chunks),
        fileName,
        organizationId: newOrganization(),
        permissions: ["projects.view"],
      });
      assert.equal(result.import.format, format);
      assert.deepEqual(result.fileDiagnostics, []);
      assert.deepEqual(result.rowDiagnostics, []);
      assert.ok(result.import.totalRows > 0);
      assert.equal(result.invitedCount, result.import.totalRows);
      assert.equal(result.skippedCount, 0);
    });
  }
});
