-- Locked accounts: when and why, set by PowUsersService.lock and cleared by unlock.
ALTER TABLE users ADD COLUMN IF NOT EXISTS locked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN IF NOT EXISTS locked_reason VARCHAR(255);
