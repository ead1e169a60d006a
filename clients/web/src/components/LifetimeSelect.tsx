import { lifetimeChoices } from "../invite/batchOptions.js";
import { text } from "../text.js";

/** How long the batch's invitations can be accepted: one of the lifetimes the server takes. */
export function LifetimeSelect(props: { days: number; onChange: (days: number) => void }) {
  return (
    <div class="field">
      <label for="invitation-lifetime">{text.permissions.lifetimeLabel}</label>
      <select
        id="invitation-lifetime"
        value={String(props.days)}
        aria-describedby="invitation-lifetime-help"
        onChange={(event) => props.onChange(Number((event.currentTarget as HTMLSelectElement).value))}
      >
        {lifetimeChoices.map((days) => (
          <option key={days} value={String(days)}>
            {text.permissions.days(days)}
          </option>
        ))}
      </select>
      <p id="invitation-lifetime-help" class="help">
        {text.permissions.lifetimeHelp}
      </p>
    </div>
  );
}
