package dev.powspring.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A store in the {@code pow_store} table, shared by every node that uses the database.
 * Values are JSON; each read is one query on the primary key, a session and its user
 * included; expired rows are never
 * returned, and a job removes them in bounded batches ({@link #removeExpired()}).
 * <p>
 * Every database failure surfaces as a {@link PowStoreUnavailableException}.
 */
public class JdbcPowStore implements LinkedReadPowStore, CountingPowStore, ExpiringStore, LiveCountingPowStore {

	private static final int MAX_INCREMENT_ATTEMPTS = 1000;

	// What PostgreSQL does when a row with the key exists: replace it, or only if expired.
	private static final String REPLACE = " ON CONFLICT (namespace, store_key) DO UPDATE SET "
			+ "value_type = EXCLUDED.value_type, value_json = EXCLUDED.value_json, principal = EXCLUDED.principal, "
			+ "expires_at = EXCLUDED.expires_at";

	private static final String REPLACE_EXPIRED = REPLACE + " WHERE pow_store.expires_at <= :now";

	private final JdbcClient jdbc;

	private final JsonValueCodec codec;

	private final Clock clock;

	private int sweepBatchSize = 1000;

	private boolean postgresUpserts;

	public JdbcPowStore(JdbcClient jdbc, JsonValueCodec codec, Clock clock) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.clock = clock;
	}

	/**
	 * Set how many expired rows one sweeping statement removes at most.
	 * @param sweepBatchSize the batch size
	 */
	public void setSweepBatchSize(int sweepBatchSize) {
		this.sweepBatchSize = sweepBatchSize;
	}

	/**
	 * Write with PostgreSQL's {@code INSERT ... ON CONFLICT}: one statement, and one round
	 * trip, for each put, claim and count instead of two or three. Pow's auto-configuration
	 * turns it on when the database is PostgreSQL; the portable statements serve any other.
	 * @param postgresUpserts whether the database is PostgreSQL
	 */
	public void setPostgresUpserts(boolean postgresUpserts) {
		this.postgresUpserts = postgresUpserts;
	}

	/**
	 * Tell whether this store writes with PostgreSQL's {@code INSERT ... ON CONFLICT}.
	 * @return whether it does
	 */
	public boolean isPostgresUpserts() {
		return this.postgresUpserts;
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl) {
		write(namespace, key, value, ttl, null);
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl, String principal) {
		requireText(principal, "principal");
		write(namespace, key, value, ttl, principal);
	}

	private void write(String namespace, String key, Object value, Duration ttl, String principal) {
		check(namespace, key, value, ttl);
		JsonValueCodec.Encoded encoded = this.codec.encode(value);
		OffsetDateTime expiresAt = expiry(ttl);
		access(() -> {
			if (this.postgresUpserts) {
				return insert(namespace, key, encoded, principal, expiresAt, null, REPLACE);
			}
			// Update first, insert when absent, and update again when a concurrent writer
			// inserted in between: portable, and safe under races.
			if (update(namespace, key, encoded, principal, expiresAt) == 0) {
				try {
					insert(namespace, key, encoded, principal, expiresAt, null, "");
				}
				catch (DuplicateKeyException ex) {
					update(namespace, key, encoded, principal, expiresAt);
				}
			}
			return null;
		});
	}

	// One row, and what a conflict on its key does: REPLACE, REPLACE_EXPIRED (with the
	// time that counts as now), or nothing for a DuplicateKeyException.
	private int insert(String namespace, String key, JsonValueCodec.Encoded encoded, String principal,
			OffsetDateTime expiresAt, OffsetDateTime now, String onConflict) {
		return this.jdbc
			.sql("INSERT INTO pow_store (namespace, store_key, value_type, value_json, principal, expires_at) "
					+ "VALUES (:namespace, :key, :type, :json, :principal, :expiresAt)" + onConflict)
			.param("namespace", namespace)
			.param("key", key)
			.param("type", encoded.type())
			.param("json", encoded.json())
			.param("principal", principal)
			.param("expiresAt", expiresAt)
			.param("now", now)
			.update();
	}

	private int update(String namespace, String key, JsonValueCodec.Encoded encoded, String principal,
			OffsetDateTime expiresAt) {
		return this.jdbc
			.sql("UPDATE pow_store SET value_type = :type, value_json = :json, principal = :principal, "
					+ "expires_at = :expiresAt WHERE namespace = :namespace AND store_key = :key")
			.param("type", encoded.type())
			.param("json", encoded.json())
			.param("principal", principal)
			.param("expiresAt", expiresAt)
			.param("namespace", namespace)
			.param("key", key)
			.update();
	}

	@Override
	public <T> Optional<T> get(String namespace, String key, Class<T> type) {
		requireText(namespace, "namespace");
		requireText(key, "key");
		if (type == null) {
			throw new IllegalArgumentException("type must not be null");
		}
		return access(() -> this.jdbc
			.sql("SELECT value_type, value_json FROM pow_store "
					+ "WHERE namespace = :namespace AND store_key = :key AND expires_at > :now")
			.param("namespace", namespace)
			.param("key", key)
			.param("now", now())
			.query((row, number) -> new JsonValueCodec.Encoded(row.getString("value_type"), row.getString("value_json")))
			.optional())
			.flatMap((encoded) -> this.codec.decode(encoded.type(), encoded.json(), type));
	}

	@Override
	public <A, B> Optional<Linked<A, B>> getLinked(String namespace, String key, Class<A> type,
			String linkNamespace, Class<B> linkType) {
		requireText(namespace, "namespace");
		requireText(key, "key");
		requireText(linkNamespace, "linkNamespace");
		if (type == null || linkType == null) {
			throw new IllegalArgumentException("type and linkType must not be null");
		}
		Optional<Row> row = access(() -> this.jdbc
			.sql("SELECT entry.value_type, entry.value_json, entry.principal, linked.value_type AS linked_type, "
					+ "linked.value_json AS linked_json FROM pow_store entry LEFT JOIN pow_store linked "
					+ "ON linked.namespace = :linkNamespace AND linked.store_key = entry.principal "
					+ "AND linked.expires_at > :now "
					+ "WHERE entry.namespace = :namespace AND entry.store_key = :key AND entry.expires_at > :now")
			.param("linkNamespace", linkNamespace)
			.param("namespace", namespace)
			.param("key", key)
			.param("now", now())
			.query((result, number) -> new Row(result.getString("value_type"), result.getString("value_json"),
					result.getString("principal"), result.getString("linked_type"), result.getString("linked_json")))
			.optional());
		return row.flatMap((found) -> this.codec.decode(found.type(), found.json(), type).map((value) -> {
			Optional<B> linked = (found.linkedType() != null)
					? this.codec.decode(found.linkedType(), found.linkedJson(), linkType) : Optional.empty();
			return new Linked<>(value, linked, found.principal());
		}));
	}

	private record Row(String type, String json, String principal, String linkedType, String linkedJson) {
	}

	@Override
	public boolean delete(String namespace, String key) {
		requireText(namespace, "namespace");
		requireText(key, "key");
		return access(() -> this.jdbc
			.sql("DELETE FROM pow_store WHERE namespace = :namespace AND store_key = :key AND expires_at > :now")
			.param("namespace", namespace)
			.param("key", key)
			.param("now", now())
			.update()) == 1;
	}

	@Override
	public boolean putIfAbsent(String namespace, String key, Object value, Duration ttl) {
		check(namespace, key, value, ttl);
		JsonValueCodec.Encoded encoded = this.codec.encode(value);
		return access(() -> {
			OffsetDateTime now = now();
			if (this.postgresUpserts) {
				// An expired row counts as absent: replaced, where a live one is kept.
				return insert(namespace, key, encoded, null, expiry(ttl), now, REPLACE_EXPIRED) == 1;
			}
			// An expired row counts as absent.
			this.jdbc.sql("DELETE FROM pow_store WHERE namespace = :namespace AND store_key = :key AND expires_at <= :now")
				.param("namespace", namespace)
				.param("key", key)
				.param("now", now)
				.update();
			try {
				insert(namespace, key, encoded, null, expiry(ttl), null, "");
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		});
	}

	@Override
	public long increment(String namespace, String key, Duration window) {
		check(namespace, key, 0L, window);
		return add(namespace, key, 1, window);
	}

	@Override
	public long decrement(String namespace, String key) {
		requireText(namespace, "namespace");
		requireText(key, "key");
		return add(namespace, key, -1, null);
	}

	// Compare and set, portable and exact under concurrency: each caller gets the count
	// its own change produced. A missing counter starts at one when counting up (window
	// given) and stays missing when counting down; a count never goes below zero.
	private long add(String namespace, String key, int delta, Duration window) {
		if (this.postgresUpserts) {
			return access(() -> (window != null) ? countUp(namespace, key, window) : countDown(namespace, key));
		}
		return access(() -> {
			for (int attempt = 0; attempt < MAX_INCREMENT_ATTEMPTS; attempt++) {
				Optional<String> current = this.jdbc
					.sql("SELECT value_json FROM pow_store WHERE namespace = :namespace AND store_key = :key "
							+ "AND expires_at > :now AND value_type = 'java.lang.Long'")
					.param("namespace", namespace)
					.param("key", key)
					.param("now", now())
					.query(String.class)
					.optional();
				if (current.isEmpty()) {
					if (window == null) {
						return 0L;
					}
					if (putIfAbsent(namespace, key, 1L, window)) {
						return 1L;
					}
					continue;
				}
				long next = Math.max(0, Long.parseLong(current.get()) + delta);
				int updated = this.jdbc
					.sql("UPDATE pow_store SET value_json = :next WHERE namespace = :namespace AND store_key = :key "
							+ "AND value_json = :current AND expires_at > :now")
					.param("next", Long.toString(next))
					.param("namespace", namespace)
					.param("key", key)
					.param("current", current.get())
					.param("now", now())
					.update();
				if (updated == 1) {
					return next;
				}
			}
			throw new PowStoreUnavailableException("Too much contention counting " + namespace + ":" + key, null);
		});
	}

	// One statement, atomic in PostgreSQL: a missing or expired counter starts at one with
	// a new window, a live one keeps its window.
	private long countUp(String namespace, String key, Duration window) {
		return this.jdbc
			.sql("INSERT INTO pow_store (namespace, store_key, value_type, value_json, expires_at) "
					+ "VALUES (:namespace, :key, 'java.lang.Long', '1', :expiresAt) "
					+ "ON CONFLICT (namespace, store_key) DO UPDATE SET value_type = 'java.lang.Long', "
					+ "value_json = CASE WHEN pow_store.expires_at <= :now THEN '1' "
					+ "ELSE (pow_store.value_json::bigint + 1)::text END, "
					+ "principal = CASE WHEN pow_store.expires_at <= :now THEN NULL ELSE pow_store.principal END, "
					+ "expires_at = CASE WHEN pow_store.expires_at <= :now THEN EXCLUDED.expires_at "
					+ "ELSE pow_store.expires_at END "
					+ "WHERE pow_store.expires_at <= :now OR pow_store.value_type = 'java.lang.Long' "
					+ "RETURNING value_json")
			.param("namespace", namespace)
			.param("key", key)
			.param("expiresAt", expiry(window))
			.param("now", now())
			.query(String.class)
			.optional()
			.map(Long::parseLong)
			.orElseThrow(() -> new PowStoreUnavailableException(
					"Cannot count " + namespace + ":" + key + ": it holds a value that is not a count", null));
	}

	// A count never goes below zero, and a missing counter stays missing.
	private long countDown(String namespace, String key) {
		return this.jdbc
			.sql("UPDATE pow_store SET value_json = GREATEST(value_json::bigint - 1, 0)::text "
					+ "WHERE namespace = :namespace AND store_key = :key AND expires_at > :now "
					+ "AND value_type = 'java.lang.Long' RETURNING value_json")
			.param("namespace", namespace)
			.param("key", key)
			.param("now", now())
			.query(String.class)
			.optional()
			.map(Long::parseLong)
			.orElse(0L);
	}

	@Override
	public Set<String> findKeysByPrincipal(String namespace, String principal) {
		requireText(namespace, "namespace");
		requireText(principal, "principal");
		return access(() -> Set.copyOf(new LinkedHashSet<>(this.jdbc
			.sql("SELECT store_key FROM pow_store WHERE namespace = :namespace AND principal = :principal "
					+ "AND expires_at > :now")
			.param("namespace", namespace)
			.param("principal", principal)
			.param("now", now())
			.query(String.class)
			.list())));
	}

	@Override
	public long countLive(String namespace) {
		requireText(namespace, "namespace");
		// A range of the primary key's index: the namespace's rows only.
		return access(() -> this.jdbc
			.sql("SELECT count(*) FROM pow_store WHERE namespace = :namespace AND expires_at > :now")
			.param("namespace", namespace)
			.param("now", now())
			.query(Long.class)
			.single());
	}

	@Override
	public int removeExpired() {
		return access(() -> this.jdbc
			.sql("DELETE FROM pow_store WHERE (namespace, store_key) IN (SELECT namespace, store_key FROM pow_store "
					+ "WHERE expires_at <= :now ORDER BY expires_at FETCH FIRST " + this.sweepBatchSize + " ROWS ONLY)")
			.param("now", now())
			.update());
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private OffsetDateTime expiry(Duration ttl) {
		Instant now = this.clock.instant();
		Duration capped = ttl.compareTo(Duration.ofDays(365 * 100)) > 0 ? Duration.ofDays(365 * 100) : ttl;
		return now.plus(capped).atOffset(ZoneOffset.UTC);
	}

	private static <T> T access(StoreAction<T> action) {
		try {
			return action.run();
		}
		catch (DataAccessException ex) {
			throw new PowStoreUnavailableException("The database behind Pow's store failed", ex);
		}
	}

	private static void check(String namespace, String key, Object value, Duration ttl) {
		requireText(namespace, "namespace");
		requireText(key, "key");
		if (value == null) {
			throw new IllegalArgumentException("value must not be null");
		}
		if (ttl == null || ttl.isZero() || ttl.isNegative()) {
			throw new IllegalArgumentException("ttl must be positive");
		}
	}

	private static void requireText(String value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
	}

	@FunctionalInterface
	private interface StoreAction<T> {

		T run();

	}

}
