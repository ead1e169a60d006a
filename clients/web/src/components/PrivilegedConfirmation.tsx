import type { Permission } from "../gen/bulkinvite/v1/user_import_service_pb.js";
import { text } from "../text.js";

/** What the chosen privileged permissions let every invited person do, in words, and the box to tick before inviting. */
export function PrivilegedConfirmation(props: { permissions: Permission[]; organization: string; count: number; confirmed: boolean; onConfirm: (on: boolean) => void }) {
  return (
    <fieldset class="confirm-privileged" data-testid="privileged">
      <legend>{text.permissions.privilegedTitle}</legend>
      <ul id="privileged-consequences">
        {props.permissions.map((permission) => (
          <li key={permission.id}>{text.permissions.privilegedConsequence(permission.id, permission.description, props.organization)}</li>
        ))}
      </ul>
      <div class="confirm">
        <input
          id="confirm-privileged"
          type="checkbox"
          checked={props.confirmed}
          aria-describedby="privileged-consequences"
          onChange={(event) => props.onConfirm((event.currentTarget as HTMLInputElement).checked)}
        />
        <label for="confirm-privileged">{text.permissions.confirmPrivileged(props.count)}</label>
      </div>
    </fieldset>
  );
}
