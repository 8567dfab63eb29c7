-- Users who sign in by user name may still have an email address (PowUsernameUser), through
-- which password reset, email confirmation and invitations reach them. When users sign in
-- by email, the column and its index are the user id's and exist already.
ALTER TABLE users ADD COLUMN IF NOT EXISTS email VARCHAR(255);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_index ON users (email);
