import { InvitationStatus } from "../gen/bulkinvite/v1/invitation_pb.js";
import type { SkipReasons } from "../diagnostics/skips.js";
import { text } from "../text.js";
import { Link } from "./Link.js";

/** How many were invited to which organization, how many skipped and why, and where to go next. */
export function ResultSummary(props: { invitedCount: number; skipped: SkipReasons; organization: string; importId: string; onAnother: () => void }) {
  const { alreadyInvited, alreadyMembers, either } = props.skipped;
  return (
    <section aria-labelledby="result-title" class="result">
      <h2 id="result-title">{text.result.title}</h2>
      <p class="headline" data-testid="invited">
        {text.result.invited(props.invitedCount, props.organization)}
        {alreadyInvited + alreadyMembers + either > 0 && <> ({text.result.skipped(alreadyInvited, alreadyMembers, either)})</>}
      </p>
      <div class="actions">
        <Link to={{ name: "invitations", importId: props.importId, status: InvitationStatus.PENDING }} class="button">
          {text.result.pending}
        </Link>
        <button type="button" class="secondary" onClick={props.onAnother}>
          {text.result.another}
        </button>
      </div>
    </section>
  );
}
