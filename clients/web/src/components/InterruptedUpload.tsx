import { text } from "../text.js";
import type { Interrupted } from "../state/state.js";

/** An upload that stopped before its end: how far the server has it, and how to continue (pick the same file) or forget it. */
export function InterruptedUpload({ interrupted, onForget }: { interrupted: Interrupted; onForget: () => void }) {
  const { upload, persistedSize } = interrupted;
  const percent = upload.sizeBytes === 0 ? 0 : Math.floor((persistedSize * 100) / upload.sizeBytes);
  return (
    <section class="notice-box" aria-labelledby="interrupted-title" data-testid="interrupted">
      <h2 id="interrupted-title">{text.upload.interruptedTitle}</h2>
      <p>{text.upload.interrupted(upload.fileName, text.bytes(persistedSize), text.bytes(upload.sizeBytes), percent)}</p>
      <button type="button" class="secondary" onClick={onForget}>
        {text.upload.forget}
      </button>
    </section>
  );
}
