-- Accept tokens are made when their email is sent, and only their hash is stored: the outbox no
-- longer holds a raw token, even for a while.

ALTER TABLE invitation_outbox DROP COLUMN accept_token;
