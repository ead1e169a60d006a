// Hands bytes to the browser as a download with a file name (no navigation, no server round trip).

export function saveFile(name: string, bytes: Uint8Array[], type: string): void {
  const url = URL.createObjectURL(new Blob(bytes as BlobPart[], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function mimeTypeOf(name: string): string {
  if (name.endsWith(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (name.endsWith(".csv")) return "text/csv";
  return "application/octet-stream";
}
