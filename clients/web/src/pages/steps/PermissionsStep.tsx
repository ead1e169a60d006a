import { useMemo } from "preact/hooks";
import { DiagnosticCode } from "../../gen/bulkinvite/v1/diagnostic_pb.js";
import { mayGrant } from "../../auth/session.js";
import { newRequestId } from "../../state/requestId.js";
import { skippedRowCount } from "../../diagnostics/view.js";
import { text } from "../../text.js";
import { useStore } from "../../state/context.js";
import { PermissionPicker } from "../../components/PermissionPicker.js";

/** Step 3: one set of permissions for the batch, and the button that says how many will be invited. */
export function PermissionsStep() {
  const { state, actions } = useStore();
  const { check, catalog, selected, applying } = state.wizard;
  // One id per visit of the step: a retried click is the same request for the server.
  const requestId = useMemo(newRequestId, [check?.import.importId]);
  const session = state.session;
  if (!check || !session) return null;
  const skipped = skippedRowCount(check.rowDiagnostics, [DiagnosticCode.ALREADY_INVITED, DiagnosticCode.ALREADY_MEMBER]);
  const count = Math.max(0, check.import.validRows - skipped);
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
        grantable={(permission) => ({ grantable: mayGrant(session, permission.id), reason: "" })}
        onToggle={actions.togglePermission}
      />
      {selected.length === 0 && <p class="help">{text.permissions.chooseOne}</p>}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => actions.chooseStep("review")}>
          {text.permissions.back}
        </button>
        <button type="submit" disabled={selected.length === 0 || applying}>
          {applying ? text.busy : text.permissions.invite(count)}
        </button>
      </div>
    </form>
  );
}
