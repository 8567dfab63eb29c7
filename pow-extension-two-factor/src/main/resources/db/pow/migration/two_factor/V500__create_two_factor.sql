-- Two-factor sign-in. One row per user who set it up: the TOTP secret, encrypted with
-- AES-GCM (never in the clear), when the user confirmed it (NULL while enrolment waits for
-- a first code), and the last time step whose code was used, so that no code works twice.
CREATE TABLE pow_two_factor (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    encrypted_secret VARCHAR(255) NOT NULL,
    enabled_at TIMESTAMP WITH TIME ZONE,
    last_used_step BIGINT,
    inserted_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Recovery codes: the SHA-256 hash of each (never the code), deleted when used.
CREATE TABLE pow_two_factor_recovery_codes (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, code_hash)
);
