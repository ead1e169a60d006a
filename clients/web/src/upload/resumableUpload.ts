import { Code, ConnectError } from "@connectrpc/connect";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Import } from "../gen/bulkinvite/v1/import_pb.js";
import type {
  CancelResumableUploadRequest,
  QueryUploadStatusRequest,
  QueryUploadStatusResponse,
  StartResumableUploadRequest,
  StartResumableUploadResponse,
  WriteUploadRequest,
  WriteUploadResponse,
} from "../gen/bulkinvite/v1/user_import_service_pb.js";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { GenMessage } from "@bufbuild/protobuf/codegenv2";

// The browser's upload: the resumable, unary RPCs (StartResumableUpload, WriteUpload with
// write_offset and finish_write, QueryUploadStatus after a dropped connection), since gRPC-Web
// cannot stream from the client. The SHA-256 is computed here (incrementally, so no secure context
// is needed) and sent with the finishing write; it also tells a file picked again after a reload
// from another one.

type Init<T> = T extends { $typeName: string } ? MessageInitShape<GenMessage<T>> : never;
type CallOptions = { signal?: AbortSignal };

/** The four RPCs the upload uses (the generated client has them). */
export interface ResumableUploadClient {
  startResumableUpload(request: Init<StartResumableUploadRequest>, options?: CallOptions): Promise<StartResumableUploadResponse>;
  writeUpload(request: Init<WriteUploadRequest>, options?: CallOptions): Promise<WriteUploadResponse>;
  queryUploadStatus(request: Init<QueryUploadStatusRequest>, options?: CallOptions): Promise<QueryUploadStatusResponse>;
  cancelResumableUpload(request: Init<CancelResumableUploadRequest>, options?: CallOptions): Promise<unknown>;
}

/** An upload the server holds: what continuing it needs. */
export interface UploadHandle {
  uploadId: string;
  /** The lowercase hex SHA-256 of the file being uploaded. */
  sha256: string;
  maxChunkBytes: number;
}

export interface UploadOptions {
  organizationId: string;
  signal: AbortSignal;
  /** Bytes the server has stored so far (0, or where a resumed upload continues, first). */
  onProgress: (persistedBytes: number) => void;
  /**
   * An upload started earlier (before a reload): continued from the server's persisted_size when
   * this file has its SHA-256; abandoned on the server when it does not, or when it expired.
   */
  resume?: UploadHandle | null;
  /** Told the upload once the server holds it, so that a reload can offer to continue it. */
  onStarted?: (upload: UploadHandle) => void;
  /** How often a failed write is resumed from QueryUploadStatus before giving up. */
  retries?: number;
  /** Waits before a retry (tests pass one that does not wait). */
  pause?: (attempt: number) => Promise<void>;
}

/** The lowercase hex SHA-256 of the file, read a slice at a time (the page stays responsive in between). */
export async function fileSha256(file: Blob, sliceBytes = 4 * 1024 * 1024, signal?: AbortSignal): Promise<string> {
  const hash = sha256.create();
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    signal?.throwIfAborted();
    hash.update(new Uint8Array(await file.slice(offset, offset + sliceBytes).arrayBuffer()));
  }
  return bytesToHex(hash.digest());
}

/** Errors worth resuming after: the connection or the server's availability, not the request. */
export function transient(error: unknown): boolean {
  const code = ConnectError.from(error).code;
  return code === Code.Unavailable || code === Code.DeadlineExceeded || code === Code.Unknown || code === Code.Internal || code === Code.Aborted;
}

const defaultPause = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(8000, 250 * 2 ** attempt)));

const abandon = (client: ResumableUploadClient, uploadId: string) => client.cancelResumableUpload({ uploadId }).catch(() => undefined);

/** Where the earlier upload stands, or null when it is gone (expired, cancelled, or another file). */
async function resumed(client: ResumableUploadClient, resume: UploadHandle | null | undefined, digest: string, signal: AbortSignal) {
  if (!resume) return null;
  if (resume.sha256 !== digest) {
    // Another file: free the earlier upload's slot now rather than after its idle timeout.
    await abandon(client, resume.uploadId);
    return null;
  }
  try {
    return await client.queryUploadStatus({ uploadId: resume.uploadId }, { signal });
  } catch (error) {
    if (ConnectError.from(error).code === Code.NotFound) return null;
    throw error;
  }
}

/**
 * Uploads the file and returns its import (UPLOADED). A write that fails for want of the server is
 * resumed from QueryUploadStatus; an upload that is cancelled, or refused for good, is abandoned on
 * the server too. One that runs out of retries stays on the server (until its idle timeout) so that
 * it can be resumed with `resume`.
 */
export async function uploadFile(client: ResumableUploadClient, file: File, options: UploadOptions): Promise<Import> {
  const { signal, onProgress } = options;
  const retries = options.retries ?? 5;
  const pause = options.pause ?? defaultPause;
  const digest = await fileSha256(file, undefined, signal);
  signal.throwIfAborted();
  let handle: UploadHandle;
  let offset = 0;
  const earlier = await resumed(client, options.resume, digest, signal);
  if (earlier && options.resume) {
    if (earlier.complete && earlier.import) return earlier.import;
    handle = options.resume;
    offset = Number(earlier.persistedSize);
  } else {
    const started = await client.startResumableUpload(
      { metadata: { organizationId: options.organizationId, fileName: file.name, sizeBytes: BigInt(file.size), sha256: digest } },
      { signal },
    );
    handle = { uploadId: started.uploadId, sha256: digest, maxChunkBytes: Math.max(1, started.maxChunkBytes || 1024 * 1024) };
  }
  options.onStarted?.(handle);
  onProgress(offset);
  const { uploadId, maxChunkBytes } = handle;
  try {
    let failures = 0;
    // After a failed call: the write may have been stored before its answer was lost, so ask the
    // server where the upload is and continue from there (never from our own count).
    let askFirst = false;
    for (;;) {
      signal.throwIfAborted();
      try {
        if (askFirst) {
          const status = await client.queryUploadStatus({ uploadId }, { signal });
          askFirst = false;
          if (status.complete && status.import) return status.import;
          offset = Number(status.persistedSize);
          onProgress(offset);
        }
        const end = Math.min(file.size, offset + maxChunkBytes);
        const data = new Uint8Array(await file.slice(offset, end).arrayBuffer());
        const finishWrite = end === file.size;
        const written = await client.writeUpload({ uploadId, writeOffset: BigInt(offset), data, finishWrite, sha256: finishWrite ? digest : "" }, { signal });
        failures = 0;
        offset = Number(written.persistedSize);
        onProgress(offset);
        if (written.import) return written.import;
      } catch (error) {
        if (signal.aborted || !transient(error) || ++failures > retries) throw error;
        askFirst = true;
        // Cancel ends the wait at once rather than after it.
        await Promise.race([pause(failures), new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }))]);
      }
    }
  } catch (error) {
    if (signal.aborted || !transient(error)) await abandon(client, uploadId);
    throw error;
  }
}
