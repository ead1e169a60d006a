import { text } from "../text.js";
import type { Upload } from "../state/state.js";

/** Bytes the server has stored of the file, as a progress bar and in words, with a way to stop. */
export function UploadProgress({ upload, onCancel }: { upload: Upload; onCancel: () => void }) {
  const percent = upload.totalBytes === 0 ? 100 : Math.floor((upload.sentBytes * 100) / upload.totalBytes);
  return (
    <section class="progress" aria-labelledby="upload-title" data-testid="upload-progress">
      <h2 id="upload-title">{text.upload.uploading(upload.fileName)}</h2>
      <progress max={upload.totalBytes} value={upload.sentBytes} aria-labelledby="upload-title" />
      <p aria-live="polite">{upload.preparing ? text.upload.preparing : text.upload.progress(text.bytes(upload.sentBytes), text.bytes(upload.totalBytes), percent)}</p>
      <button type="button" class="secondary" onClick={onCancel}>
        {text.upload.cancel}
      </button>
    </section>
  );
}
