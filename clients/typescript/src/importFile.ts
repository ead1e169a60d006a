import { randomUUID } from "node:crypto";
import { Code, ConnectError } from "@connectrpc/connect";
import type { BulkInviteClient } from "./client.js";
import { fileToUpload, type FileToUpload, type ImportFileSource } from "./fileSource.js";
import type { Diagnostic } from "./gen/bulkinvite/v1/diagnostic_pb.js";
import { ImportState, type Import } from "./gen/bulkinvite/v1/import_pb.js";
import type { UploadImportFileRequestSchema } from "./gen/bulkinvite/v1/user_import_service_pb.js";
import { describeImport, importOutcome, type ImportOutcome } from "./importOutcome.js";
import { uploadResumably } from "./resumableUpload.js";
import type { MessageInitShape } from "@bufbuild/protobuf";
import { durationFromMs } from "@bufbuild/protobuf/wkt";

export type { ImportFileSource } from "./fileSource.js";

/** The largest chunk the server accepts (1 MiB). */
export const MAX_CHUNK_SIZE = 1024 * 1024;

export interface ImportProgress {
  /** Bytes handed to the upload stream so far; with `resumable`, the bytes the server has stored. */
  sentBytes: number;
  /** The file's size in bytes. */
  totalBytes: number;
}

export type ImportFileOptions = ImportFileSource & {
  organizationId: string;
  /** Permission ids (from ListPermissions) granted to every invited user. */
  permissions: string[];
  /** Identifies the ApplyPermissions call, so that a retry is not applied twice. Defaults to a random UUID. */
  requestId?: string;
  /** A note shown in every invitation email, as plain text (at most 1,000 characters; line breaks kept). */
  personalMessage?: string;
  /** How long the invitations can be accepted, in milliseconds: 1 to 30 days. Unset: the server's lifetime (7 days). */
  invitationLifetimeMs?: number;
  /**
   * Confirms granting a privileged permission (members.invite, organization.admin: Permission.privileged)
   * to every invited user; without it the server refuses with PRIVILEGED_PERMISSIONS_NOT_CONFIRMED.
   */
  confirmPrivilegedPermissions?: boolean;
  /** Bytes per upload message, at most MAX_CHUNK_SIZE (the default). */
  chunkSize?: number;
  /** Row diagnostics per CheckImport page (the server caps it at 1000). */
  pageSize?: number;
  /** Called after each chunk is handed to the upload stream. */
  onProgress?: (progress: ImportProgress) => void;
  /** Attempts at ApplyPermissions while it fails with UNAVAILABLE (default 3); every attempt sends the same request_id. */
  applyAttempts?: number;
  /**
   * Upload with the resumable upload (uploadFileResumably) instead of one stream: a connection
   * dropped mid-upload is resumed from the bytes the server stored rather than failing the import.
   */
  resumable?: boolean;
  /** With `resumable`: how long to keep trying to reach the server after a failed write (default 30 s). */
  resumeWithinMs?: number;
};

export interface ImportFileResult {
  /** The import after the last call: APPLIED, or REJECTED (then nothing was applied). */
  import: Import;
  /** Diagnostics about the whole file; an error among them means the import was REJECTED. */
  fileDiagnostics: Diagnostic[];
  /** Every row diagnostic, from every page, ordered by row number. */
  rowDiagnostics: Diagnostic[];
  /** Valid users invited; 0 for a REJECTED import. */
  invitedCount: number;
  /** Valid users skipped because they already had a pending invitation or were members; 0 for a REJECTED import. */
  skippedCount: number;
  /** What it came to: "invited", "nobody_to_invite" (all already invited or members), "no_valid_rows" or "rejected". */
  outcome: ImportOutcome;
  /** The outcome in one line for a person, such as "4 users invited to acme". */
  summary: string;
}

/**
 * Uploads a spreadsheet, checks it, reads all its diagnostics and, unless it is REJECTED,
 * applies `permissions` to its valid rows. Errors are thrown as ConnectError.
 */
export async function importFile(client: BulkInviteClient, options: ImportFileOptions): Promise<ImportFileResult> {
  const chunkSize = options.chunkSize ?? MAX_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
    throw new RangeError(`chunkSize must be an integer from 1 to ${MAX_CHUNK_SIZE}, not ${chunkSize}`);
  }
  const file = await fileToUpload(options);
  const uploaded = options.resumable
    ? await uploadResumably(client, file, { ...options, chunkSize })
    : required((await client.uploadImportFile(uploadRequests(file, options, chunkSize))).import, "UploadImportFile");
  const importId = uploaded.importId;

  const rowDiagnostics: Diagnostic[] = [];
  let pageToken = "";
  let checked;
  do {
    checked = await client.checkImport({ importId, pageSize: options.pageSize ?? 1000, pageToken });
    rowDiagnostics.push(...checked.rowDiagnostics);
    pageToken = checked.nextPageToken;
  } while (pageToken !== "");
  const checkedImport = required(checked.import, "CheckImport");
  const result = { fileDiagnostics: checked.fileDiagnostics, rowDiagnostics };
  if (checkedImport.state === ImportState.REJECTED) {
    return withOutcome({ ...result, import: checkedImport, invitedCount: 0, skippedCount: 0 });
  }

  const request = {
    importId,
    permissions: options.permissions,
    requestId: options.requestId ?? randomUUID(),
    personalMessage: options.personalMessage ?? "",
    invitationLifetime: options.invitationLifetimeMs === undefined ? undefined : durationFromMs(options.invitationLifetimeMs),
    confirmPrivilegedPermissions: options.confirmPrivilegedPermissions ?? false,
  };
  const attempts = options.applyAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      const applied = await client.applyPermissions(request);
      return withOutcome({
        ...result,
        import: required(applied.import, "ApplyPermissions"),
        invitedCount: applied.invitedCount,
        skippedCount: applied.skippedCount,
      });
    } catch (error) {
      if (attempt >= attempts || ConnectError.from(error).code !== Code.Unavailable) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

/** UploadImportFile's stream: the metadata with the size and digest, then the bytes in chunks. */
async function* uploadRequests(
  file: FileToUpload,
  options: ImportFileOptions,
  chunkSize: number,
): AsyncGenerator<MessageInitShape<typeof UploadImportFileRequestSchema>> {
  yield {
    content: {
      case: "metadata",
      value: {
        organizationId: options.organizationId,
        fileName: file.fileName,
        sizeBytes: BigInt(file.size),
        sha256: file.sha256,
      },
    },
  };
  let sentBytes = 0;
  for await (const chunk of file.chunks(chunkSize)) {
    yield { content: { case: "chunk", value: chunk } };
    sentBytes += chunk.byteLength;
    options.onProgress?.({ sentBytes, totalBytes: file.size });
  }
}

function withOutcome(result: Omit<ImportFileResult, "outcome" | "summary">): ImportFileResult {
  return { ...result, outcome: importOutcome(result), summary: describeImport(result) };
}

function required<T>(value: T | undefined, rpc: string): T {
  if (value === undefined) throw new ConnectError(`${rpc} answered without an import`, Code.Internal);
  return value;
}
