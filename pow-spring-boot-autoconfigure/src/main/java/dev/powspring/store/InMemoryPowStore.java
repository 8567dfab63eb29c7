package dev.powspring.store;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.util.Assert;

/**
 * A {@link PrincipalIndexedPowStore} that keeps entries in memory, for applications that
 * run in a single JVM. Entries are lost on restart and are not shared between
 * instances.
 * <p>
 * Expired entries are invisible at once but only reclaimed when an operation touches
 * them or when {@link #removeExpired()} runs, which should therefore be called
 * periodically.
 * <p>
 * Values are stored and returned as the same instances, which is why callers must not
 * mutate them (see {@link PowStore}).
 */
public class InMemoryPowStore implements LinkedReadPowStore, CountingPowStore, ExpiringStore, LiveCountingPowStore {

	private final Clock clock;

	private final ConcurrentMap<EntryKey, Entry> entries = new ConcurrentHashMap<>();

	// Changed only from inside a compute of the entry being indexed, so that a racing put,
	// delete or expiry of the same key cannot leave the index out of step with the entry.
	private final ConcurrentMap<PrincipalKey, IndexSlot> principals = new ConcurrentHashMap<>();

	/**
	 * Create an empty store.
	 * @param clock the clock that entries expire by
	 */
	public InMemoryPowStore(Clock clock) {
		Assert.notNull(clock, "clock must not be null");
		this.clock = clock;
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl) {
		write(namespace, key, value, ttl, null);
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl, String principal) {
		Assert.notNull(principal, "principal must not be null");
		write(namespace, key, value, ttl, principal);
	}

	private void write(String namespace, String key, Object value, Duration ttl, String principal) {
		EntryKey entryKey = new EntryKey(namespace, key);
		Assert.notNull(value, "value must not be null");
		Instant expiresAt = expiresAt(this.clock.instant(), ttl);
		this.entries.compute(entryKey,
				(k, previous) -> new Entry(value, expiresAt, reindex(k, previous, principal)));
	}

	@Override
	public <T> Optional<T> get(String namespace, String key, Class<T> type) {
		EntryKey entryKey = new EntryKey(namespace, key);
		Assert.notNull(type, "type must not be null");
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(entryKey);
		if (entry == null) {
			return Optional.empty();
		}
		if (entry.isExpiredAt(now)) {
			removeIfExpired(entryKey, now);
			return Optional.empty();
		}
		return type.isInstance(entry.value()) ? Optional.of(type.cast(entry.value())) : Optional.empty();
	}

	@Override
	public <A, B> Optional<Linked<A, B>> getLinked(String namespace, String key, Class<A> type,
			String linkNamespace, Class<B> linkType) {
		Assert.notNull(type, "type must not be null");
		Assert.notNull(linkType, "linkType must not be null");
		Entry entry = this.entries.get(new EntryKey(namespace, key));
		if (entry == null || entry.isExpiredAt(this.clock.instant()) || !type.isInstance(entry.value())) {
			return Optional.empty();
		}
		Optional<B> linked = (entry.principal() != null) ? get(linkNamespace, entry.principal(), linkType)
				: Optional.empty();
		return Optional.of(new Linked<>(type.cast(entry.value()), linked, entry.principal()));
	}

	@Override
	public boolean delete(String namespace, String key) {
		EntryKey entryKey = new EntryKey(namespace, key);
		Instant now = this.clock.instant();
		boolean[] deleted = { false };
		this.entries.computeIfPresent(entryKey, (k, entry) -> {
			deleted[0] = !entry.isExpiredAt(now);
			reindex(k, entry, null);
			return null;
		});
		return deleted[0];
	}

	@Override
	public long increment(String namespace, String key, Duration window) {
		Assert.notNull(namespace, "namespace must not be null");
		Assert.notNull(key, "key must not be null");
		Instant now = this.clock.instant();
		Entry counted = this.entries.compute(new EntryKey(namespace, key), (k, previous) -> {
			if (previous == null || previous.isExpiredAt(now) || !(previous.value() instanceof Long count)) {
				reindex(k, previous, null);
				return new Entry(1L, expiresAt(now, window), null);
			}
			return new Entry(count + 1, previous.expiresAt(), previous.principal());
		});
		return (Long) counted.value();
	}

	@Override
	public long decrement(String namespace, String key) {
		Assert.notNull(namespace, "namespace must not be null");
		Assert.notNull(key, "key must not be null");
		Instant now = this.clock.instant();
		Entry counted = this.entries.computeIfPresent(new EntryKey(namespace, key), (k, previous) -> {
			if (previous.isExpiredAt(now) || !(previous.value() instanceof Long count) || count <= 0) {
				return previous;
			}
			return new Entry(count - 1, previous.expiresAt(), previous.principal());
		});
		return (counted != null && !counted.isExpiredAt(now) && counted.value() instanceof Long count) ? count : 0L;
	}

	@Override
	public boolean putIfAbsent(String namespace, String key, Object value, Duration ttl) {
		EntryKey entryKey = new EntryKey(namespace, key);
		Instant now = this.clock.instant();
		Entry entry = new Entry(value, expiresAt(now, ttl), null);
		boolean[] written = { false };
		this.entries.compute(entryKey, (k, previous) -> {
			if (previous != null && !previous.isExpiredAt(now)) {
				return previous;
			}
			reindex(k, previous, null);
			written[0] = true;
			return entry;
		});
		return written[0];
	}

	@Override
	public Set<String> findKeysByPrincipal(String namespace, String principal) {
		IndexSlot slot = this.principals.get(new PrincipalKey(namespace, principal));
		if (slot == null) {
			return Set.of();
		}
		Set<String> indexed = slot.keys();
		Instant now = this.clock.instant();
		Set<String> keys = new HashSet<>();
		for (String key : indexed) {
			EntryKey entryKey = new EntryKey(namespace, key);
			Entry entry = this.entries.get(entryKey);
			if (entry == null) {
				continue;
			}
			if (entry.isExpiredAt(now)) {
				removeIfExpired(entryKey, now);
				continue;
			}
			// The key may have moved to another principal since the index was read.
			if (principal.equals(entry.principal())) {
				keys.add(key);
			}
		}
		return Set.copyOf(keys);
	}

	/**
	 * Remove the entries that have expired, together with their index slots.
	 * @return the number of entries removed
	 */
	@Override
	public int removeExpired() {
		Instant now = this.clock.instant();
		int removed = 0;
		for (Map.Entry<EntryKey, Entry> candidate : this.entries.entrySet()) {
			if (candidate.getValue().isExpiredAt(now) && removeIfExpired(candidate.getKey(), now)) {
				removed++;
			}
		}
		return removed;
	}

	@Override
	public long countLive(String namespace) {
		Assert.notNull(namespace, "namespace must not be null");
		Instant now = this.clock.instant();
		long live = 0;
		for (Map.Entry<EntryKey, Entry> candidate : this.entries.entrySet()) {
			if (candidate.getKey().namespace().equals(namespace) && !candidate.getValue().isExpiredAt(now)) {
				live++;
			}
		}
		return live;
	}

	/**
	 * Return the number of entries held, including expired ones that have not been
	 * removed yet.
	 * @return the number of entries
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * Return the number of (namespace, principal) slots in the principal index, so that
	 * tests can check that removing entries does not leave empty slots behind.
	 * @return the number of index slots
	 */
	int principalIndexSize() {
		return this.principals.size();
	}

	// Checks expiry again under the key's lock: the entry may have been rewritten since
	// the caller saw it expired.
	private boolean removeIfExpired(EntryKey entryKey, Instant now) {
		boolean[] removed = { false };
		this.entries.computeIfPresent(entryKey, (k, entry) -> {
			if (!entry.isExpiredAt(now)) {
				return entry;
			}
			reindex(k, entry, null);
			removed[0] = true;
			return null;
		});
		return removed[0];
	}

	// Must only be called from inside a compute of entryKey in this.entries. Returns the
	// index's own copy of the principal, which all entries of the principal then share: one
	// string per user rather than one per session, and one that reads of any of them find
	// in the CPU's caches.
	private String reindex(EntryKey entryKey, Entry previous, String after) {
		String before = (previous != null) ? previous.principal() : null;
		if (Objects.equals(before, after)) {
			return before;
		}
		if (before != null) {
			this.principals.computeIfPresent(new PrincipalKey(entryKey.namespace(), before), (k, slot) -> {
				slot.keys().remove(entryKey.key());
				return slot.keys().isEmpty() ? null : slot;
			});
		}
		if (after == null) {
			return null;
		}
		return this.principals.compute(new PrincipalKey(entryKey.namespace(), after), (k, slot) -> {
			IndexSlot updated = (slot != null) ? slot : new IndexSlot(after, ConcurrentHashMap.newKeySet());
			updated.keys().add(entryKey.key());
			return updated;
		}).principal();
	}

	private static Instant expiresAt(Instant now, Duration ttl) {
		Assert.notNull(ttl, "ttl must not be null");
		Assert.isTrue(!ttl.isZero() && !ttl.isNegative(), () -> "ttl must be positive, but was " + ttl);
		try {
			return now.plus(ttl);
		}
		catch (DateTimeException | ArithmeticException ex) {
			// A ttl beyond the end of time means the entry never expires.
			return Instant.MAX;
		}
	}

	private record EntryKey(String namespace, String key) {

		EntryKey {
			Assert.notNull(namespace, "namespace must not be null");
			Assert.notNull(key, "key must not be null");
		}

	}

	private record PrincipalKey(String namespace, String principal) {

		PrincipalKey {
			Assert.notNull(namespace, "namespace must not be null");
			Assert.notNull(principal, "principal must not be null");
		}

	}

	// The keys of one principal's entries in one namespace, and the principal's shared copy.
	private record IndexSlot(String principal, Set<String> keys) {
	}

	// The expiry is kept as primitives rather than an Instant: one object less to reach on
	// every read, which counts when millions of entries no longer fit in the CPU's caches.
	private record Entry(Object value, long expirySeconds, int expiryNanos, String principal) {

		Entry(Object value, Instant expiresAt, String principal) {
			this(value, expiresAt.getEpochSecond(), expiresAt.getNano(), principal);
		}

		Entry {
			Assert.notNull(value, "value must not be null");
		}

		Instant expiresAt() {
			return Instant.ofEpochSecond(this.expirySeconds, this.expiryNanos);
		}

		boolean isExpiredAt(Instant now) {
			long seconds = now.getEpochSecond();
			return seconds > this.expirySeconds || (seconds == this.expirySeconds && now.getNano() >= this.expiryNanos);
		}

	}

}
