import { text } from "../text.js";
import type { CheckRun } from "../state/state.js";

/** The running check: rows read so far and how much of the file, from StreamCheckImport's progress. */
export function CheckProgress({ checking }: { checking: CheckRun }) {
  const percent = checking.sizeBytes > 0 ? Math.min(100, Math.floor((checking.bytesRead * 100) / checking.sizeBytes)) : 0;
  return (
    <section class="progress" aria-labelledby="check-title" data-testid="check-progress">
      <h2 id="check-title">{text.upload.checking}</h2>
      {checking.sizeBytes > 0 && <progress max={checking.sizeBytes} value={checking.bytesRead} aria-labelledby="check-title" />}
      <p role="status">{checking.rowsRead > 0 ? text.upload.checkingRows(checking.rowsRead, percent) : text.busy}</p>
    </section>
  );
}
