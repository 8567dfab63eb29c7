-- pow.tenancy.mode=column: every user belongs to a tenant, and a user id (and an email
-- address) is unique within its tenant only.
ALTER TABLE users ADD COLUMN tenant_id VARCHAR(63) NOT NULL DEFAULT '';
DROP INDEX IF EXISTS users_email_index;
DROP INDEX IF EXISTS users_${pow_user_id_column}_index;
CREATE UNIQUE INDEX users_tenant_${pow_user_id_column}_index ON users (tenant_id, ${pow_user_id_column});
CREATE UNIQUE INDEX IF NOT EXISTS users_tenant_email_index ON users (tenant_id, email);
