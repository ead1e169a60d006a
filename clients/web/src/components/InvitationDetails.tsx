import { timestampDate } from "@bufbuild/protobuf/wkt";
import type { InvitationPreview } from "../gen/bulkinvite/v1/invitation_pb.js";
import { text } from "../text.js";

/** Who invites the holder of the link, to which organization, with which permissions, until when. */
export function InvitationDetails({ preview }: { preview: InvitationPreview }) {
  return (
    <div data-testid="invitation-details">
      <p>{text.accept.invitedBy(preview.inviterDisplayName, preview.organizationDisplayName || preview.organizationId, preview.email)}</p>
      {preview.personalMessage && <blockquote class="message">{preview.personalMessage}</blockquote>}
      <h2>{text.accept.permissions}</h2>
      <ul>
        {preview.permissions.map((permission) => (
          <li key={permission.id}>
            <code>{permission.id}</code> — {permission.description}
          </li>
        ))}
      </ul>
      {preview.expireTime && <p>{text.accept.until(text.date(timestampDate(preview.expireTime)))}</p>}
    </div>
  );
}
