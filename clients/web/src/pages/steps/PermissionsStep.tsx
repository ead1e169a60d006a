import { useMemo } from "preact/hooks";
import { newRequestId } from "../../state/requestId.js";
import { rowsToInvite } from "../../diagnostics/skips.js";
import { text } from "../../text.js";
import { useStore } from "../../state/context.js";
import { PermissionPicker } from "../../components/PermissionPicker.js";

/** Step 3: one set of permissions for the batch, and the button that says how many will be invited. */
export function PermissionsStep() {
  const { state, actions } = useStore();
  const { check, catalog, selected, applying, confirmPrivileged } = state.wizard;
  // One id per visit of the step: a retried click is the same request for the server.
  const requestId = useMemo(newRequestId, [check?.import.importId]);
  if (!check) return null;
  const count = rowsToInvite(check.import, check.rowDiagnostics);
  const privileged = catalog.filter((p) => p.privileged && selected.includes(p.id)).map((p) => p.id);
  const submit = (event: Event) => {
    event.preventDefault();
    void actions.apply(check.import.importId, selected, requestId);
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
        <div class="confirm-privileged">
          <input id="confirm-privileged" type="checkbox" checked={confirmPrivileged} onChange={(event) => actions.confirmPrivileged((event.currentTarget as HTMLInputElement).checked)} />
          <label for="confirm-privileged">{text.permissions.confirmPrivileged(privileged.join(", "), count)}</label>
        </div>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => actions.chooseStep("review")}>
          {text.permissions.back}
        </button>
        <button type="submit" disabled={selected.length === 0 || applying || (privileged.length > 0 && !confirmPrivileged)}>
          {applying ? text.busy : text.permissions.invite(count)}
        </button>
      </div>
    </form>
  );
}
