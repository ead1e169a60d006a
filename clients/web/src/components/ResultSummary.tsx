import { text } from "../text.js";
import { Link } from "./Link.js";

/** How many were invited to which organization, how many skipped, and where to go next. */
export function ResultSummary(props: { invitedCount: number; skippedCount: number; organization: string; importId: string; onAnother: () => void }) {
  return (
    <section aria-labelledby="result-title" class="result">
      <h2 id="result-title">{text.result.title}</h2>
      <p class="headline" data-testid="invited">
        {text.result.invited(props.invitedCount, props.organization)}
        {props.skippedCount > 0 && <> ({text.result.skipped(props.skippedCount)})</>}
      </p>
      <div class="actions">
        <Link to={{ name: "invitations", importId: props.importId }} class="button">
          {text.result.pending}
        </Link>
        <button type="button" class="secondary" onClick={props.onAnother}>
          {text.result.another}
        </button>
      </div>
    </section>
  );
}
