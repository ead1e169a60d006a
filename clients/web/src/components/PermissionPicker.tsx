import type { Permission } from "../gen/bulkinvite/v1/user_import_service_pb.js";
import { text } from "../text.js";

/** The catalog as checkboxes (id and description); permissions the caller may not grant are shown disabled, with why. */
export function PermissionPicker(props: {
  catalog: Permission[];
  selected: string[];
  grantable: (permission: Permission) => { grantable: boolean; reason: string };
  onToggle: (id: string, on: boolean) => void;
}) {
  return (
    <fieldset class="permissions">
      <legend>{text.permissions.legend}</legend>
      {props.catalog.map((permission) => {
        const { grantable, reason } = props.grantable(permission);
        const id = `permission-${permission.id}`;
        return (
          <div key={permission.id} class={grantable ? "permission" : "permission disabled"}>
            <input
              id={id}
              type="checkbox"
              value={permission.id}
              checked={props.selected.includes(permission.id)}
              disabled={!grantable}
              aria-describedby={`${id}-description`}
              onChange={(event) => props.onToggle(permission.id, (event.currentTarget as HTMLInputElement).checked)}
            />
            <label for={id}>
              <code>{permission.id}</code>
            </label>
            <p id={`${id}-description`} class="description">
              {permission.description}
              {!grantable && <span class="why"> — {reason || text.permissions.notGrantable}</span>}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
