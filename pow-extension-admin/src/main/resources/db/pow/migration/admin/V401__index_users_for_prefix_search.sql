-- The admin console finds users whose user id or email starts with what is searched
-- (LIKE 'abc%'). A plain index serves that only under the C collation; on PostgreSQL,
-- ${pow_prefix_ops} makes these indexes serve it under any collation. When users sign in
-- by email, both statements name the same index and the second does nothing.
CREATE INDEX IF NOT EXISTS users_email_prefix_index ON users (email ${pow_prefix_ops});
CREATE INDEX IF NOT EXISTS users_${pow_user_id_column}_prefix_index ON users (${pow_user_id_column} ${pow_prefix_ops});
