-- Invitations. The token column holds a SHA-256 hash, never the token itself.
ALTER TABLE users ADD COLUMN invitation_token VARCHAR(64);
ALTER TABLE users ADD COLUMN invitation_token_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN invitation_accepted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN invited_by_id BIGINT;

ALTER TABLE users ADD CONSTRAINT users_invited_by_id_fkey
    FOREIGN KEY (invited_by_id) REFERENCES users (id) ON DELETE SET NULL;

CREATE UNIQUE INDEX users_invitation_token_index ON users (invitation_token);
