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
// is needed) and sent with the finishing write.

type Init<T> = T extends { $typeName: string } ? MessageInitShape<GenMessage<T>> : never;
type CallOptions = { signal?: AbortSignal };

/** The four RPCs the upload uses (the generated client has them). */
export interface ResumableUploadClient {
  startResumableUpload(request: Init<StartResumableUploadRequest>, options?: CallOptions): Promise<StartResumableUploadResponse>;
  writeUpload(request: Init<WriteUploadRequest>, options?: CallOptions): Promise<WriteUploadResponse>;
  queryUploadStatus(request: Init<QueryUploadStatusRequest>, options?: CallOptions): Promise<QueryUploadStatusResponse>;
  cancelResumableUpload(request: Init<CancelResumableUploadRequest>, options?: CallOptions): Promise<unknown>;
}

export interface UploadOptions {
  organizationId: string;
  signal: AbortSignal;
  /** Bytes the server has stored so far. */
  onProgress: (persistedBytes: number) => void;
  /** How often a failed write is resumed from QueryUploadStatus before giving up. */
  retries?: number;
  /** Waits before a retry (tests pass one that does not wait). */
  pause?: (attempt: number) => Promise<void>;
}

/** The lowercase hex SHA-256 of the file, read a slice at a time. */
export async function fileSha256(file: Blob, sliceBytes = 4 * 1024 * 1024): Promise<string> {
  const hash = sha256.create();
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    hash.update(new Uint8Array(await file.slice(offset, offset + sliceBytes).arrayBuffer()));
  }
  return bytesToHex(hash.digest());
}

/** Errors worth resuming after: the connection or the server's availability, not the request. */
function transient(error: unknown): boolean {
  const code = ConnectError.from(error).code;
  return code === Code.Unavailable || code === Code.DeadlineExceeded || code === Code.Unknown || code === Code.Internal || code === Code.Aborted;
}

const defaultPause = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(8000, 250 * 2 ** attempt)));

/** Uploads the file and returns its import (UPLOADED); cancelling the signal abandons it on the server too. */
export async function uploadFile(client: ResumableUploadClient, file: File, options: UploadOptions): Promise<Import> {
  const { signal, onProgress } = options;
  const retries = options.retries ?? 5;
  const pause = options.pause ?? defaultPause;
  const digest = await fileSha256(file);
  signal.throwIfAborted();
  const started = await client.startResumableUpload(
    { metadata: { organizationId: options.organizationId, fileName: file.name, sizeBytes: BigInt(file.size), sha256: digest } },
    { signal },
  );
  const uploadId = started.uploadId;
  const chunkBytes = Math.max(1, started.maxChunkBytes || 1024 * 1024);
  try {
    let offset = 0;
    let failures = 0;
    for (;;) {
      signal.throwIfAborted();
      const end = Math.min(file.size, offset + chunkBytes);
      const data = new Uint8Array(await file.slice(offset, end).arrayBuffer());
      const finishWrite = end === file.size;
      try {
        const written = await client.writeUpload({ uploadId, writeOffset: BigInt(offset), data, finishWrite, sha256: finishWrite ? digest : "" }, { signal });
        failures = 0;
        offset = Number(written.persistedSize);
        onProgress(offset);
        if (written.import) return written.import;
      } catch (error) {
        if (signal.aborted || !transient(error) || ++failures > retries) throw error;
        await pause(failures);
        // The write may have been stored before its answer was lost: continue where the server is.
        const status = await client.queryUploadStatus({ uploadId }, { signal });
        if (status.complete && status.import) return status.import;
        offset = Number(status.persistedSize);
        onProgress(offset);
      }
    }
  } catch (error) {
    if (signal.aborted) {
      // Free the organization's upload slot now rather than after the idle timeout.
      await client.cancelResumableUpload({ uploadId }).catch(() => undefined);
    }
    throw error;
  }
}
