import type { UploadHandle } from "./resumableUpload.js";

// The upload in progress, kept in sessionStorage (the tab's, like the token) so that after a reload
// or a connection lost for good the page offers to continue it: the browser cannot hand the file
// back by itself, so the person picks it again, and its SHA-256 tells it is the same file.

const key = "bulkinvite.upload";

export interface PendingUpload extends UploadHandle {
  organizationId: string;
  fileName: string;
  sizeBytes: number;
}

export function savePendingUpload(storage: Storage, upload: PendingUpload): void {
  storage.setItem(key, JSON.stringify(upload));
}

/** The upload of the organization in progress, or null (none, another organization's, or unreadable). */
export function loadPendingUpload(storage: Storage, organizationId: string): PendingUpload | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? "null");
    if (!isPendingUpload(value) || value.organizationId !== organizationId) return null;
    return value;
  } catch {
    return null;
  }
}

export function clearPendingUpload(storage: Storage): void {
  storage.removeItem(key);
}

function isPendingUpload(value: unknown): value is PendingUpload {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.uploadId === "string" &&
    typeof v.sha256 === "string" &&
    typeof v.maxChunkBytes === "number" &&
    typeof v.organizationId === "string" &&
    typeof v.fileName === "string" &&
    typeof v.sizeBytes === "number"
  );
}
