-- Every confirmation link stays valid until it expires or the address is confirmed, so a
-- user may click the link of any mail they got: one row per token, holding its SHA-256
-- hash (never the token), the address it confirms and its expiry.
CREATE TABLE pow_email_confirmation_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email VARCHAR(255) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX pow_email_confirmation_tokens_user_id_index ON pow_email_confirmation_tokens (user_id);

-- Links already mailed keep working.
INSERT INTO pow_email_confirmation_tokens (token_hash, user_id, email, expires_at)
    SELECT email_confirmation_token, id, COALESCE(unconfirmed_email, email), email_confirmation_token_expires_at
    FROM users
    WHERE email_confirmation_token IS NOT NULL AND email_confirmation_token_expires_at IS NOT NULL;

DROP INDEX users_email_confirmation_token_index;
ALTER TABLE users DROP COLUMN email_confirmation_token;
ALTER TABLE users DROP COLUMN email_confirmation_token_expires_at;
