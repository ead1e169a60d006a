import { timestampDate } from "@bufbuild/protobuf/wkt";
import { DeliveryState, InvitationStatus, type Invitation } from "../gen/bulkinvite/v1/invitation_pb.js";
import { text } from "../text.js";

/** One row per invitation: who, status, the email's delivery, expiry, and resend/revoke where they apply. */
export function InvitationsTable(props: { items: Invitation[]; onResend: (i: Invitation) => void; onRevoke: (i: Invitation) => void }) {
  const c = text.invitations.columns;
  return (
    <div class="table-scroll" tabIndex={0} aria-labelledby="invitations-caption">
      <table>
        <caption id="invitations-caption" class="visually-hidden">
          {text.invitations.title}
        </caption>
        <thead>
          <tr>
            <th scope="col">{c.email}</th>
            <th scope="col">{c.name}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.delivery}</th>
            <th scope="col">{c.expires}</th>
            <th scope="col">{c.actions}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((invitation) => {
            const delivery = invitation.delivery;
            const status = InvitationStatus[invitation.status] ?? "";
            const deliveryState = DeliveryState[delivery?.state ?? DeliveryState.UNSPECIFIED] ?? "UNSPECIFIED";
            const resendable = invitation.status === InvitationStatus.PENDING || invitation.status === InvitationStatus.EXPIRED;
            return (
              <tr key={invitation.invitationId} data-invitation={invitation.invitationId}>
                <td>{invitation.email}</td>
                <td>
                  {invitation.firstName} {invitation.lastName}
                </td>
                <td>{text.status[`INVITATION_STATUS_${status}`] ?? status}</td>
                <td>
                  {text.delivery[`DELIVERY_STATE_${deliveryState}`] ?? deliveryState}
                  {delivery && delivery.attempts > 1 && <> · {text.invitations.attempts(delivery.attempts)}</>}
                  {delivery?.lastError && <span class="why"> · {delivery.lastError}</span>}
                </td>
                <td>{invitation.expireTime ? text.date(timestampDate(invitation.expireTime)) : ""}</td>
                <td class="row-actions">
                  {resendable && (
                    <button type="button" class="secondary" aria-label={text.invitations.resendFor(invitation.email)} onClick={() => props.onResend(invitation)}>
                      {text.invitations.resend}
                    </button>
                  )}
                  {invitation.status === InvitationStatus.PENDING && (
                    <button type="button" class="danger" aria-label={text.invitations.revokeFor(invitation.email)} onClick={() => props.onRevoke(invitation)}>
                      {text.invitations.revoke}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
