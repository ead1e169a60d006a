// A file the server streams (GetSampleFile, ExportImportResults): its name comes in the first
// message, its bytes in every message's chunk. Gathered whole before it is handed to the browser.

export interface StreamedFile {
  name: string;
  chunks: Uint8Array[];
}

/** Reads the stream to its end; the server's file name wins over the fallback. */
export async function gatherFile(stream: AsyncIterable<{ fileName: string; chunk: Uint8Array }>, fallbackName: string): Promise<StreamedFile> {
  let name = "";
  const chunks: Uint8Array[] = [];
  for await (const message of stream) {
    if (!name && message.fileName) name = message.fileName;
    if (message.chunk.length > 0) chunks.push(message.chunk);
  }
  return { name: safeFileName(name) || fallbackName, chunks };
}

/** The name as a download's: no folder part (a name is the server's suggestion, not a path). */
export function safeFileName(name: string): string {
  return name.split(/[\\/]/).at(-1)!.trim();
}
