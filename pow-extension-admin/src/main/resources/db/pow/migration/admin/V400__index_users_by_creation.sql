-- The admin console lists users by creation, a page at a time by key: the next page starts
-- after the (inserted_at, id) of the last user shown, which this index finds directly.
CREATE INDEX users_inserted_at_id_index ON users (inserted_at, id);
