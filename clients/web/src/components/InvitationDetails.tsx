import { timestampDate } from "@bufbuild/protobuf/wkt";
import type { InvitationPreview } from "../gen/bulkinvite/v1/invitation_pb.js";
import { text } from "../text.js";

/**
 * Who invites the holder of the link (names for people, stored at apply), to which organization,
 * the inviter's note, with which permissions, until when. The note is text: Preact escapes it, so
 * markup in it shows as the characters typed; the stylesheet keeps its line breaks.
 */
export function InvitationDetails({ preview }: { preview: InvitationPreview }) {
  const inviter = preview.inviterDisplayName;
  return (
    <div data-testid="invitation-details">
      {preview.firstName && <p>{text.accept.greeting(preview.firstName)}</p>}
      <p>{text.accept.invitedBy(inviter, preview.organizationDisplayName || preview.organizationId, preview.email)}</p>
      {preview.personalMessage && (
        <figure class="note">
          <figcaption>{text.accept.wrote(inviter)}</figcaption>
          <blockquote class="message" data-testid="personal-message">
            {preview.personalMessage}
          </blockquote>
        </figure>
      )}
      <h2>{text.accept.permissions}</h2>
      <ul>
        {preview.permissions.map((permission) => (
          <li key={permission.id}>
            <code>{permission.id}</code> — {permission.description}
          </li>
        ))}
      </ul>
      {preview.expireTime && <p data-testid="until">{text.accept.until(text.date(timestampDate(preview.expireTime)))}</p>}
    </div>
  );
}
