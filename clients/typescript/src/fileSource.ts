import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";

/** The file to import: a path on disk, or bytes in memory with their file name. */
export type ImportFileSource =
  | { path: string; bytes?: never; /** Defaults to the path's base name. */ fileName?: string }
  | { bytes: Uint8Array; path?: never; fileName: string };

/** A file ready to upload: its size and digest (they go in the metadata), and its bytes. */
export interface FileToUpload {
  fileName: string;
  size: number;
  sha256: string;
  /** The bytes from the start, in chunks of at most `chunkSize`. */
  chunks(chunkSize: number): AsyncIterable<Uint8Array>;
  /** `length` bytes from `offset`: where a resumed upload continues. */
  readAt(offset: number, length: number): Promise<Uint8Array>;
}

/** Size and digest first, then the bytes: a file on disk is read twice, never held whole. */
export async function fileToUpload(source: ImportFileSource): Promise<FileToUpload> {
  if (source.bytes !== undefined) {
    const bytes = source.bytes;
    return {
      fileName: source.fileName,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      async *chunks(chunkSize) {
        for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) {
          yield bytes.subarray(offset, offset + chunkSize);
        }
      },
      readAt: async (offset, length) => bytes.subarray(offset, offset + length),
    };
  }
  const path = source.path;
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return {
    fileName: source.fileName ?? basename(path),
    size,
    sha256: hash.digest("hex"),
    chunks: (chunkSize) => createReadStream(path, { highWaterMark: chunkSize }),
    async readAt(offset, length) {
      const file = await open(path, "r");
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await file.read(buffer, 0, length, offset);
        if (bytesRead !== length) throw new Error(`${path} changed while it was uploaded: ${bytesRead} bytes at ${offset} where ${length} were expected`);
        return buffer;
      } finally {
        await file.close();
      }
    },
  };
}
