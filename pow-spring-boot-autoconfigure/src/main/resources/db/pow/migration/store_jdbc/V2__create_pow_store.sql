-- Pow's store, for pow.store.type=jdbc: sessions, tokens and counters shared by every node.
CREATE TABLE pow_store (
    namespace VARCHAR(64) NOT NULL,
    store_key VARCHAR(255) NOT NULL,
    value_type VARCHAR(255) NOT NULL,
    value_json TEXT NOT NULL,
    principal VARCHAR(255),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (namespace, store_key)
);

CREATE INDEX pow_store_principal_index ON pow_store (namespace, principal);

CREATE INDEX pow_store_expires_at_index ON pow_store (expires_at);
