-- The tenants of a multitenant application (pow.tenancy.mode schema or column).
CREATE TABLE pow_tenants (
    id VARCHAR(63) PRIMARY KEY,
    inserted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
