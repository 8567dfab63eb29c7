-- Email confirmation. The token column holds a SHA-256 hash, never the token itself.
ALTER TABLE users ADD COLUMN email_confirmation_token VARCHAR(64);
ALTER TABLE users ADD COLUMN email_confirmation_token_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN email_confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN unconfirmed_email VARCHAR(255);

CREATE UNIQUE INDEX users_email_confirmation_token_index ON users (email_confirmation_token);

-- Users who registered before confirmation was required keep signing in.
UPDATE users SET email_confirmed_at = inserted_at;
