-- The delivery of an invitation's email is stored in the invitation's row (issue 14): an apply
-- writes one row per invitation instead of one there and one in invitation_outbox with its two
-- indexes. emails counts the emails queued for the invitation (1 by its apply, one more by each
-- resend); the delivery columns are those of the latest, number `emails`, so an earlier email being
-- sent when it was superseded cannot mark the new one sent. A dispatcher claims a due email (one more
-- attempt, next_attempt_time pushed past the claim), sends it, then marks it 'sent'; a sent email
-- is never claimed again. ix_invitations_due holds only the emails waiting to go out.

ALTER TABLE invitations ADD COLUMN emails INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN delivery_state TEXT NULL; -- 'queued', 'sent', 'failed' (gave up) or 'cancelled'; null: no email
ALTER TABLE invitations ADD COLUMN delivery_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN delivery_error TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN next_attempt_time INTEGER NULL;
ALTER TABLE invitations ADD COLUMN sent_time INTEGER NULL;

UPDATE invitations
SET emails = latest.emails, delivery_state = latest.state, delivery_attempts = latest.attempts, delivery_error = latest.last_error,
    next_attempt_time = latest.next_attempt_time, sent_time = latest.sent_time
FROM (
    SELECT o.invitation_id, o.state, o.attempts, o.last_error, o.next_attempt_time, o.sent_time, c.emails
    FROM invitation_outbox o
    JOIN (SELECT invitation_id, MAX(message_id) AS message_id, COUNT(*) AS emails FROM invitation_outbox GROUP BY invitation_id) c
        ON c.message_id = o.message_id
) AS latest
WHERE invitations.invitation_id = latest.invitation_id;

DROP TABLE invitation_outbox;

CREATE INDEX ix_invitations_due ON invitations (next_attempt_time, invitation_id) WHERE delivery_state = 'queued';
