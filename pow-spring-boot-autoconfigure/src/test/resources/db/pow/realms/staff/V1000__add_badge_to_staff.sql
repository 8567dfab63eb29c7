-- The staff realm's own column, for its own user entity.
ALTER TABLE users ADD COLUMN badge VARCHAR(32);
