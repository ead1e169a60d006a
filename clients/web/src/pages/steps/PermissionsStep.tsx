import { useMemo } from "preact/hooks";
import { newRequestId } from "../../state/requestId.js";
import { rowsToInvite } from "../../diagnostics/skips.js";
import { messageProblem } from "../../invite/batchOptions.js";
import { text } from "../../text.js";
import { useStore } from "../../state/context.js";
import { PermissionPicker } from "../../components/PermissionPicker.js";
import { MessageField } from "../../components/MessageField.js";
import { LifetimeSelect } from "../../components/LifetimeSelect.js";
import { PrivilegedConfirmation } from "../../components/PrivilegedConfirmation.js";

/**
 * Step 3: one set of permissions for the batch, the inviter's message and the invitations'
 * lifetime, the confirmation privileged permissions need, and the button that says how many will
 * be invited.
 */
export function PermissionsStep() {
  const { state, actions } = useStore();
  const { check, catalog, selected, applying, confirmPrivileged, message, lifetimeDays } = state.wizard;
  // One id per visit of the step: a retried click is the same request for the server.
  const requestId = useMemo(newRequestId, [check?.import.importId]);
  if (!check) return null;
  const count = rowsToInvite(check.import);
  const privileged = catalog.filter((p) => p.privileged && selected.includes(p.id));
  const organization = state.caller?.organizationDisplayName || check.import.organizationId;
  const ready = selected.length > 0 && !applying && (privileged.length === 0 || confirmPrivileged) && messageProblem(message) === null;
  const submit = (event: Event) => {
    event.preventDefault();
    if (ready) void actions.apply(check.import.importId, selected, requestId);
  };
  return (
    <form class="step" onSubmit={submit}>
      <h2>{text.permissions.title}</h2>
      <p>{text.permissions.intro}</p>
      <PermissionPicker
        catalog={catalog}
        selected={selected}
        grantable={(permission) => ({ grantable: permission.grantable, reason: permission.notGrantableReason })}
        onToggle={actions.togglePermission}
      />
      {selected.length === 0 && <p class="help">{text.permissions.chooseOne}</p>}
      {privileged.length > 0 && (
        <PrivilegedConfirmation permissions={privileged} organization={organization} count={count} confirmed={confirmPrivileged} onConfirm={actions.confirmPrivileged} />
      )}
      <MessageField value={message} onChange={actions.changeMessage} />
      <LifetimeSelect days={lifetimeDays} onChange={actions.chooseLifetime} />
      <div class="actions">
        <button type="button" class="secondary" onClick={() => actions.chooseStep("review")}>
          {text.permissions.back}
        </button>
        <button type="submit" disabled={!ready}>
          {applying ? text.busy : text.permissions.invite(count)}
        </button>
      </div>
    </form>
  );
}
