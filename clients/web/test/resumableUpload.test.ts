import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ImportSchema } from "../src/gen/bulkinvite/v1/import_pb.js";
import { QueryUploadStatusResponseSchema, StartResumableUploadResponseSchema, WriteUploadResponseSchema } from "../src/gen/bulkinvite/v1/user_import_service_pb.js";
import { fileSha256, uploadFile, type ResumableUploadClient } from "../src/upload/resumableUpload.js";

/**
 * The resumable protocol as the contract states it (bytes at write_offset, a repeat harmless, a gap
 * INVALID_ARGUMENT, finish with the SHA-256), kept in memory, with a way to lose answers.
 */
class ProtocolServer implements ResumableUploadClient {
  stored = new Uint8Array(0);
  writes: number[] = [];
  cancelled = false;
  /** Write numbers whose bytes are stored but whose answer is lost. */
  loseAnswers = new Set<number>();
  finishedSha = "";

  async startResumableUpload() {
    return create(StartResumableUploadResponseSchema, { uploadId: "u1", maxChunkBytes: 4 });
  }

  async writeUpload(request: { writeOffset?: bigint; data?: Uint8Array; finishWrite?: boolean; sha256?: string }) {
    const offset = Number(request.writeOffset ?? 0n);
    const data = request.data ?? new Uint8Array();
    this.writes.push(offset);
    if (offset > this.stored.length) throw new ConnectError("gap", Code.InvalidArgument);
    const next = new Uint8Array(Math.max(this.stored.length, offset + data.length));
    next.set(this.stored);
    next.set(data, offset);
    this.stored = next;
    if (request.finishWrite) this.finishedSha = request.sha256 ?? "";
    if (this.loseAnswers.has(this.writes.length)) throw new ConnectError("connection reset", Code.Unavailable);
    return create(WriteUploadResponseSchema, {
      persistedSize: BigInt(this.stored.length),
      import: request.finishWrite ? create(ImportSchema, { importId: "i1", sizeBytes: BigInt(this.stored.length), sha256: this.finishedSha }) : undefined,
    });
  }

  async queryUploadStatus() {
    const complete = this.finishedSha !== "";
    return create(QueryUploadStatusResponseSchema, { persistedSize: BigInt(this.stored.length), complete, import: complete ? create(ImportSchema, { importId: "i1" }) : undefined });
  }

  async cancelResumableUpload() {
    this.cancelled = true;
    return {};
  }
}

const file = (text: string) => new File([text], "team.csv", { type: "text/csv" });
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const noPause = async () => undefined;

describe("the resumable upload", () => {
  it("writes the file in chunks at their offsets and finishes with its SHA-256", async () => {
    const server = new ProtocolServer();
    const progress: number[] = [];

    const imported = await uploadFile(server, file("Email,First\nann"), { organizationId: "acme", signal: new AbortController().signal, onProgress: (n) => progress.push(n), pause: noPause });

    expect(new TextDecoder().decode(server.stored)).toBe("Email,First\nann");
    expect(server.writes).toEqual([0, 4, 8, 12]);
    expect(progress).toEqual([0, 4, 8, 12, 15]);
    expect(server.finishedSha).toBe(sha("Email,First\nann"));
    expect(imported.importId).toBe("i1");
  });

  it("resumes from the server's persisted size after a lost answer, without a gap or a repeat", async () => {
    const server = new ProtocolServer();
    server.loseAnswers.add(2);

    await uploadFile(server, file("Email,First\nann"), { organizationId: "acme", signal: new AbortController().signal, onProgress: () => undefined, pause: noPause });

    expect(new TextDecoder().decode(server.stored)).toBe("Email,First\nann");
    expect(server.writes).toEqual([0, 4, 8, 12]);
  });

  it("gives up on an error that is not the connection's, and abandons the upload when cancelled", async () => {
    const refusing = new ProtocolServer();
    refusing.writeUpload = async () => {
      throw new ConnectError("too large", Code.ResourceExhausted);
    };
    const cancelled = new ProtocolServer();
    const controller = new AbortController();

    await expect(uploadFile(refusing, file("abcdefgh"), { organizationId: "acme", signal: new AbortController().signal, onProgress: () => undefined, pause: noPause })).rejects.toThrow("too large");
    await expect(
      uploadFile(cancelled, file("abcdefgh"), { organizationId: "acme", signal: controller.signal, onProgress: (n) => n > 0 && controller.abort(), pause: noPause }),
    ).rejects.toThrow();
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.writes).toEqual([0]);
  });

  it("continues an earlier upload of the same file from the server's persisted size, and tells the upload it holds", async () => {
    const server = new ProtocolServer();
    server.stored = new TextEncoder().encode("Email,Fi");
    const started: string[] = [];
    const progress: number[] = [];
    const resume = { uploadId: "u1", sha256: sha("Email,First\nann"), maxChunkBytes: 4 };

    const imported = await uploadFile(server, file("Email,First\nann"), {
      organizationId: "acme",
      signal: new AbortController().signal,
      resume,
      onStarted: (handle) => started.push(handle.uploadId),
      onProgress: (n) => progress.push(n),
      pause: noPause,
    });

    expect(new TextDecoder().decode(server.stored)).toBe("Email,First\nann");
    expect(server.writes).toEqual([8, 12]);
    expect(progress).toEqual([8, 12, 15]);
    expect(started).toEqual(["u1"]);
    expect(imported.importId).toBe("i1");
  });

  it("starts afresh when the earlier upload was of another file (abandoning it) or is gone", async () => {
    const other = new ProtocolServer();
    const gone = new ProtocolServer();
    gone.queryUploadStatus = async () => {
      throw new ConnectError("no such upload", Code.NotFound);
    };
    const options = { organizationId: "acme", onProgress: () => undefined, pause: noPause };

    await uploadFile(other, file("abcdefgh"), { ...options, signal: new AbortController().signal, resume: { uploadId: "old", sha256: sha("another file"), maxChunkBytes: 4 } });
    await uploadFile(gone, file("abcdefgh"), { ...options, signal: new AbortController().signal, resume: { uploadId: "u1", sha256: sha("abcdefgh"), maxChunkBytes: 4 } });

    expect(other.cancelled).toBe(true);
    expect(other.writes).toEqual([0, 4]);
    expect(gone.cancelled).toBe(false);
    expect(gone.writes).toEqual([0, 4]);
  });

  it("stops waiting to retry as soon as it is cancelled", async () => {
    const server = new ProtocolServer();
    server.loseAnswers.add(1);
    const controller = new AbortController();
    const never = () => new Promise<void>(() => undefined);

    const upload = uploadFile(server, file("abcdefgh"), { organizationId: "acme", signal: controller.signal, onProgress: () => undefined, pause: never });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();

    await expect(upload).rejects.toThrow();
    expect(server.cancelled).toBe(true);
  });

  it("hashes a file larger than one slice as a whole", async () => {
    const text = "x".repeat(10_000);

    expect(await fileSha256(file(text), 1024)).toBe(sha(text));
  });
});
