import { useState } from "preact/hooks";
import { InvitationStatus } from "../gen/bulkinvite/v1/invitation_pb.js";
import { text } from "../text.js";

const statuses = [InvitationStatus.PENDING, InvitationStatus.ACCEPTED, InvitationStatus.REVOKED, InvitationStatus.EXPIRED];

/** Status and import filters; the list reloads when they are submitted. */
export function InvitationFilters(props: { status: InvitationStatus; importId: string; onApply: (status: InvitationStatus, importId: string) => void }) {
  const [status, setStatus] = useState(props.status);
  const [importId, setImportId] = useState(props.importId);
  const submit = (event: Event) => {
    event.preventDefault();
    props.onApply(status, importId);
  };
  return (
    <form class="filters" onSubmit={submit} aria-label={text.invitations.filters}>
      <div class="field">
        <label for="status">{text.invitations.status}</label>
        <select id="status" value={String(status)} onChange={(event) => setStatus(Number((event.currentTarget as HTMLSelectElement).value) as InvitationStatus)}>
          <option value={String(InvitationStatus.UNSPECIFIED)}>{text.invitations.anyStatus}</option>
          {statuses.map((value) => (
            <option key={value} value={String(value)}>
              {text.status[`INVITATION_STATUS_${InvitationStatus[value]}`]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="import-id">{text.invitations.importId}</label>
        <input id="import-id" type="text" value={importId} aria-describedby="import-help" spellcheck={false} onInput={(event) => setImportId((event.currentTarget as HTMLInputElement).value)} />
        <p id="import-help" class="help">
          {text.invitations.importHelp}
        </p>
      </div>
      <button type="submit">{text.invitations.apply}</button>
    </form>
  );
}
