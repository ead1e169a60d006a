import { useEffect } from "preact/hooks";
import type { InvitationStatus } from "../gen/bulkinvite/v1/invitation_pb.js";
import { text } from "../text.js";
import { useStore } from "../state/context.js";
import { InvitationFilters } from "../components/InvitationFilters.js";
import { InvitationsTable } from "../components/InvitationsTable.js";
import { Pager } from "../components/Pager.js";
import { ConfirmDialog } from "../components/ConfirmDialog.js";

/** The organization's invitations, newest first, filtered and paged, with resend and revoke behind a confirmation. */
export function InvitationsPage({ importId, status }: { importId: string; status: InvitationStatus }) {
  const { state, actions } = useStore();
  const list = state.invitations;
  useEffect(() => {
    void actions.filterInvitations(status, importId);
  }, [importId, status]);
  const confirming = list.confirming;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{text.invitations.title}</h1>
      <InvitationFilters key={`${importId}/${status}`} status={status} importId={importId} onApply={(status, id) => void actions.filterInvitations(status, id)} />
      <p role="status" class="notice">
        {list.notice}
      </p>
      {!list.loading && list.items.length === 0 ? (
        <p>{text.invitations.empty}</p>
      ) : (
        <InvitationsTable items={list.items} onResend={(i) => actions.askConfirmation("resend", i)} onRevoke={(i) => actions.askConfirmation("revoke", i)} />
      )}
      <Pager
        hasPrevious={list.previousTokens.length > 0}
        hasNext={list.nextPageToken !== ""}
        onPrevious={() => void actions.previousInvitations()}
        onNext={() => void actions.nextInvitations()}
      />
      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.kind === "revoke" ? text.invitations.confirmRevokeTitle : text.invitations.confirmResendTitle}
        body={
          confirming
            ? confirming.kind === "revoke"
              ? text.invitations.confirmRevoke(confirming.invitation.email)
              : text.invitations.confirmResend(confirming.invitation.email)
            : ""
        }
        onConfirm={() => void actions.confirmInvitationAction()}
        onCancel={actions.closeConfirmation}
      />
    </section>
  );
}
