import { Code, ConnectError } from "@connectrpc/connect";
import type { BulkInviteClient } from "./client.js";
import { fileToUpload, type FileToUpload, type ImportFileSource } from "./fileSource.js";
import type { Import } from "./gen/bulkinvite/v1/import_pb.js";

/** The largest write the server accepts (1 MiB), unless StartResumableUpload says less. */
const MAX_WRITE_BYTES = 1024 * 1024;

export interface ResumableUploadOptions {
  organizationId: string;
  /** Called with the bytes the server has stored after each write (and after a resume). */
  onProgress?: (progress: { sentBytes: number; totalBytes: number }) => void;
  /** Bytes per WriteUpload, at most the server's max_chunk_bytes (1 MiB, the default). */
  chunkSize?: number;
  /**
   * How long to keep trying to reach the server after a write failed for want of it (UNAVAILABLE,
   * DEADLINE_EXCEEDED, a dropped connection), in milliseconds: 30 s by default, the server's
   * default idle timeout, after which the upload has expired anyway.
   */
  resumeWithinMs?: number;
  /** The first wait before asking QueryUploadStatus (default 250 ms); each later one doubles, up to maxBackoffMs. */
  initialBackoffMs?: number;
  /** The longest wait between two attempts (default 4 s). */
  maxBackoffMs?: number;
  /** Abandons the upload (and cancels it on the server). */
  signal?: AbortSignal;
}

/**
 * Uploads a file with the resumable upload (StartResumableUpload, then WriteUpload at each chunk's
 * offset, the SHA-256 with the last) and returns the new import (UPLOADED). When a write fails
 * because the server cannot be reached, it waits, asks QueryUploadStatus how many bytes the server
 * has, and continues from there (on PostgreSQL, on any replica). If it gives up, fails otherwise or is
 * aborted, it cancels the upload on the server. Errors are thrown as ConnectError.
 */
export async function uploadFileResumably(client: BulkInviteClient, options: ImportFileSource & ResumableUploadOptions): Promise<Import> {
  return uploadResumably(client, await fileToUpload(options), options);
}

/**
 * Errors after which the server may have the upload still: the call did not reach it, or its answer
 * did not come back. connect-node reports a connection reset mid-call as ABORTED ("read ECONNRESET");
 * the server itself never answers the upload RPCs with ABORTED.
 */
function unreachable(error: unknown): boolean {
  const code = ConnectError.from(error).code;
  return code === Code.Unavailable || code === Code.DeadlineExceeded || code === Code.Aborted || code === Code.Unknown;
}

export async function uploadResumably(client: BulkInviteClient, file: FileToUpload, options: ResumableUploadOptions): Promise<Import> {
  const { signal } = options;
  const started = await client.startResumableUpload(
    { metadata: { organizationId: options.organizationId, fileName: file.fileName, sizeBytes: BigInt(file.size), sha256: file.sha256 } },
    { signal },
  );
  const uploadId = started.uploadId;
  const chunkBytes = Math.max(1, Math.min(options.chunkSize ?? MAX_WRITE_BYTES, started.maxChunkBytes || MAX_WRITE_BYTES));
  const report = (stored: number) => options.onProgress?.({ sentBytes: stored, totalBytes: file.size });

  /** Asks how much the server has, with backoff, until it answers or the time to resume runs out. */
  async function resume(failure: unknown) {
    const giveUpAt = Date.now() + (options.resumeWithinMs ?? 30_000);
    for (let attempt = 1; ; attempt++) {
      if (Date.now() >= giveUpAt) throw failure;
      const wait = Math.min(options.maxBackoffMs ?? 4000, (options.initialBackoffMs ?? 250) * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, wait));
      signal?.throwIfAborted();
      try {
        return await client.queryUploadStatus({ uploadId }, { signal });
      } catch (error) {
        if (signal?.aborted || !unreachable(error)) throw error;
        failure = error;
      }
    }
  }

  try {
    let offset = 0;
    report(0);
    for (;;) {
      if (offset > file.size) throw new ConnectError(`the server holds ${offset} bytes of upload ${uploadId}, more than the file's ${file.size}`, Code.Internal);
      const length = Math.min(chunkBytes, file.size - offset);
      const data = await file.readAt(offset, length);
      const finishWrite = offset + length === file.size;
      let stored: { persistedSize: bigint; import?: Import };
      try {
        stored = await client.writeUpload({ uploadId, writeOffset: BigInt(offset), data, finishWrite, sha256: finishWrite ? file.sha256 : "" }, { signal });
      } catch (error) {
        if (signal?.aborted || !unreachable(error)) throw error;
        // The write may have been stored before its answer was lost: continue where the server is.
        stored = await resume(error);
      }
      offset = Number(stored.persistedSize);
      report(offset);
      if (stored.import) return stored.import;
    }
  } catch (error) {
    // Free the organization's upload slot now rather than when the upload expires.
    await client.cancelResumableUpload({ uploadId }, { timeoutMs: 5000 }).catch(() => undefined);
    throw error;
  }
}
