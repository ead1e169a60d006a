-- What an apply says in each of its invitations (issue 15): the inviter's note, how long its
-- invitations stay valid (a resend keeps it), and the inviter's and the organization's names for
-- people at apply, since the email goes out later, from any server, without the caller's token.
-- They are stored once, with the import its invitations already read their permissions and inviter
-- from, not once per invitation. NULL for imports applied before this script: the readers fall back
-- to the inviter's subject, the organization's id, no note and the configured lifetime.
-- An invitation keeps the request_id of its latest resend, so a retry of that resend sends nothing.

ALTER TABLE imports ADD COLUMN personal_message text NULL;
ALTER TABLE imports ADD COLUMN invitation_lifetime bigint NULL; -- milliseconds
ALTER TABLE imports ADD COLUMN inviter_name text NULL;
ALTER TABLE imports ADD COLUMN organization_name text NULL;

ALTER TABLE invitations ADD COLUMN resend_request_id text NULL;
