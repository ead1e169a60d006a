import { useEffect } from "preact/hooks";
import { text } from "../text.js";
import { useStore } from "../state/context.js";
import { InvitationDetails } from "../components/InvitationDetails.js";

/**
 * The invitee's page, from the emailed link: the invitation (LookupInvitation: who, to which
 * organization, with which permissions, until when) and Accept, then a confirmation; a link that
 * cannot be accepted gets a plain page saying why and what to do on opening (never a status code).
 */
export function AcceptPage() {
  const { state, actions } = useStore();
  const accept = state.accept;
  useEffect(() => {
    void actions.lookUp();
  }, []);
  if (accept.phase === "looking") {
    return (
      <section aria-labelledby="page-title" class="card narrow">
        <h1 id="page-title">{text.accept.title}</h1>
        <p role="status">{text.busy}</p>
      </section>
    );
  }
  if (accept.phase === "accepted") {
    return (
      <section aria-labelledby="page-title" class="card narrow" data-testid="accepted">
        <h1 id="page-title">{text.accept.acceptedTitle}</h1>
        <p>{text.accept.accepted(accept.preview.organizationDisplayName || accept.member.organizationId)}</p>
        <p>{text.accept.acceptedEmail(accept.member.email)}</p>
        <h2>{text.accept.permissions}</h2>
        <ul>
          {accept.preview.permissions.map((permission) => (
            <li key={permission.id}>
              <code>{permission.id}</code> — {permission.description}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  if (accept.phase === "failed") {
    const problem = text.acceptProblem[accept.reason] ?? text.acceptProblem.other!;
    return (
      <section aria-labelledby="page-title" class="card narrow" data-testid="accept-problem" data-reason={accept.reason}>
        <h1 id="page-title">{accept.reason === "NO_TOKEN" ? text.acceptProblem.INVITATION_NOT_FOUND!.title : problem.title}</h1>
        <p>{accept.reason === "NO_TOKEN" ? text.accept.noToken : problem.body}</p>
        {accept.reason !== "INVITATION_ALREADY_ACCEPTED" && <p>{text.accept.whatToDo}</p>}
      </section>
    );
  }
  return (
    <section aria-labelledby="page-title" class="card narrow">
      <h1 id="page-title">{text.accept.title}</h1>
      <InvitationDetails preview={accept.preview} />
      <button type="button" disabled={accept.phase === "accepting"} onClick={() => void actions.accept()}>
        {accept.phase === "accepting" ? text.accept.accepting : text.accept.accept}
      </button>
    </section>
  );
}
