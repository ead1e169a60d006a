import { text } from "../text.js";

// The check before upload: the server detects the format from the content anyway, but a file that
// is plainly not a spreadsheet is refused here, with the reason, before any byte is sent.

/** The server's default upload limit (BulkInvite:MaxUploadBytes); a larger file would be refused mid-upload. */
export const maxUploadBytes = 100 * 1024 * 1024;

const extensions = [".csv", ".xlsx", ".xls"];

export interface PickedFile {
  name: string;
  size: number;
}

/** Why the files cannot be imported, or null when there is exactly one acceptable file. */
export function refusal(files: readonly PickedFile[]): string | null {
  if (files.length !== 1) return text.upload.reasonSeveral;
  const file = files[0]!;
  const name = file.name.toLowerCase();
  if (!extensions.some((extension) => name.endsWith(extension))) return text.upload.reasonType;
  if (file.size === 0) return text.upload.reasonEmpty;
  if (file.size > maxUploadBytes) return text.upload.reasonTooLarge(text.bytes(maxUploadBytes));
  return null;
}

/** The file input's accept attribute. */
export const acceptAttribute = extensions.join(",");
