import { InvitationStatus } from "../gen/bulkinvite/v1/invitation_pb.js";
import { text } from "../text.js";
import { useStore } from "../state/context.js";
import { Link } from "./Link.js";

/** The name, the admin's screens, who is signed in (as GetCaller names them) and sign-out; the invitee's page shows the name alone. */
export function Header() {
  const { state, actions } = useStore();
  const session = state.route.name === "accept" ? null : state.session;
  return (
    <header class="header">
      <a class="skip" href="#main">
        {text.skipToContent}
      </a>
      <span class="brand">{text.appName}</span>
      {session && (
        <nav aria-label={text.nav.label} class="nav">
          <Link to={{ name: "import" }}>{text.nav.importFile}</Link>
          <Link to={{ name: "invitations", importId: "", status: InvitationStatus.UNSPECIFIED }}>{text.nav.invitations}</Link>
          {state.caller && (
            <span class="who" data-testid="signed-in-as">
              {text.signedInAs(state.caller.displayName, state.caller.organizationDisplayName)}
            </span>
          )}
          <button type="button" class="secondary" onClick={() => void actions.signOut()}>
            {text.nav.signOut}
          </button>
        </nav>
      )}
    </header>
  );
}
