-- Each user's roles, as a comma-separated list in the user's own row: read with the user in
-- the same query, kept in the shared user copy of every session, no join. A user has a
-- handful of roles at most.
ALTER TABLE users ADD COLUMN IF NOT EXISTS roles VARCHAR(1024) DEFAULT '' NOT NULL;
