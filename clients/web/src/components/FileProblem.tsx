import type { Diagnostic } from "../gen/bulkinvite/v1/diagnostic_pb.js";
import { text } from "../text.js";

/** Why the whole file was rejected, what to do about it, and the way to try another file. */
export function FileProblem({ diagnostics, onTryAnother }: { diagnostics: Diagnostic[]; onTryAnother: () => void }) {
  return (
    <section class="problem" aria-labelledby="problem-title" data-testid="file-problem">
      <h2 id="problem-title">{text.review.rejectedTitle}</h2>
      {diagnostics.map((diagnostic, index) => (
        <p key={index}>{diagnostic.message}</p>
      ))}
      <p>{text.review.rejectedFix}</p>
      <button type="button" onClick={onTryAnother}>
        {text.review.tryAnother}
      </button>
    </section>
  );
}
