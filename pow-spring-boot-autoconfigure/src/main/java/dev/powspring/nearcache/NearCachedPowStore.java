package dev.powspring.nearcache;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.powspring.nearcache.PowNearCache.Cached;
import dev.powspring.store.CountingPowStore;
import dev.powspring.store.ExpiringStore;
import dev.powspring.store.LinkedReadPowStore;
import dev.powspring.store.LiveCountingPowStore;

import org.springframework.util.Assert;

/**
 * A shared store with a {@link PowNearCache} in front: linked reads (a session with its
 * user, what every signed-in request makes) are served from the near cache when they can
 * be, and every write or delete is announced to the other nodes. Everything else goes to
 * the store as it would without the cache: single reads, counters and the principal
 * index are never cached, so single-use tokens and throttles keep their exact semantics.
 */
public class NearCachedPowStore implements LinkedReadPowStore, CountingPowStore {

	private final LinkedReadPowStore store;

	private final CountingPowStore counters;

	private final PowNearCache cache;

	NearCachedPowStore(LinkedReadPowStore store, CountingPowStore counters, PowNearCache cache) {
		this.store = store;
		this.counters = counters;
		this.cache = cache;
	}

	/**
	 * Put a near cache in front of a store.
	 * @param store a store that reads linked entries and counts, as Pow's jdbc and redis
	 * stores do
	 * @param cache the near cache
	 * @return the cached store, which also sweeps and counts live entries when the store can
	 */
	public static NearCachedPowStore of(Object store, PowNearCache cache) {
		if (!(store instanceof LinkedReadPowStore linked) || !(store instanceof CountingPowStore counting)) {
			throw new IllegalArgumentException("A near cache needs a store that reads linked entries and counts, as "
					+ "Pow's jdbc and redis stores do; " + store.getClass().getName() + " does not");
		}
		if (store instanceof ExpiringStore expiring && store instanceof LiveCountingPowStore live) {
			return new Sweeping(linked, counting, cache, expiring, live);
		}
		return new NearCachedPowStore(linked, counting, cache);
	}

	/**
	 * Return the store behind the near cache.
	 * @return the store
	 */
	public LinkedReadPowStore backend() {
		return this.store;
	}

	/**
	 * Return the near cache.
	 * @return the cache
	 */
	public PowNearCache nearCache() {
		return this.cache;
	}

	@Override
	public <A, B> Optional<Linked<A, B>> getLinked(String namespace, String key, Class<A> type,
			String linkNamespace, Class<B> linkType) {
		Assert.notNull(type, "type must not be null");
		Assert.notNull(linkType, "linkType must not be null");
		Optional<Linked<A, B>> cached = cached(namespace, key, type, linkNamespace, linkType);
		if (cached.isPresent()) {
			return cached;
		}
		long stamp = this.cache.stamp();
		Optional<Linked<A, B>> found = this.store.getLinked(namespace, key, type, linkNamespace, linkType);
		found.ifPresent((linked) -> {
			this.cache.fill(stamp, namespace, key, new Cached(linked.value(), linked.principal()));
			if (linked.principal() != null) {
				linked.linked()
					.ifPresent((value) -> this.cache.fill(stamp, linkNamespace, linked.principal(),
							new Cached(value, null)));
			}
		});
		return found;
	}

	private <A, B> Optional<Linked<A, B>> cached(String namespace, String key, Class<A> type, String linkNamespace,
			Class<B> linkType) {
		Cached entry = this.cache.lookup(namespace, key);
		if (entry == null || !type.isInstance(entry.value())) {
			return Optional.empty();
		}
		A value = type.cast(entry.value());
		if (entry.principal() == null) {
			return Optional.of(new Linked<>(value, Optional.empty(), null));
		}
		Cached link = this.cache.lookup(linkNamespace, entry.principal());
		if (link == null || !linkType.isInstance(link.value())) {
			return Optional.empty();
		}
		return Optional.of(new Linked<>(value, Optional.of(linkType.cast(link.value())), entry.principal()));
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl) {
		this.store.put(namespace, key, value, ttl);
		this.cache.changed(namespace, key);
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl, String principal) {
		this.store.put(namespace, key, value, ttl, principal);
		this.cache.changed(namespace, key);
	}

	@Override
	public <T> Optional<T> get(String namespace, String key, Class<T> type) {
		return this.store.get(namespace, key, type);
	}

	@Override
	public boolean delete(String namespace, String key) {
		boolean deleted = this.store.delete(namespace, key);
		this.cache.changed(namespace, key);
		return deleted;
	}

	@Override
	public boolean putIfAbsent(String namespace, String key, Object value, Duration ttl) {
		boolean written = this.store.putIfAbsent(namespace, key, value, ttl);
		if (written) {
			this.cache.changed(namespace, key);
		}
		return written;
	}

	@Override
	public Set<String> findKeysByPrincipal(String namespace, String principal) {
		return this.store.findKeysByPrincipal(namespace, principal);
	}

	@Override
	public long increment(String namespace, String key, Duration window) {
		return this.counters.increment(namespace, key, window);
	}

	@Override
	public long decrement(String namespace, String key) {
		return this.counters.decrement(namespace, key);
	}

	@Override
	public String toString() {
		return "near-cached " + this.store;
	}

	/**
	 * The cached store of a backend that removes expired entries itself and counts live
	 * ones, as the jdbc store does.
	 */
	static final class Sweeping extends NearCachedPowStore implements ExpiringStore, LiveCountingPowStore {

		private final ExpiringStore expiring;

		private final LiveCountingPowStore live;

		Sweeping(LinkedReadPowStore store, CountingPowStore counters, PowNearCache cache, ExpiringStore expiring,
				LiveCountingPowStore live) {
			super(store, counters, cache);
			this.expiring = expiring;
			this.live = live;
		}

		// Expired entries are already invisible, so removing them changes nothing cached.
		@Override
		public int removeExpired() {
			return this.expiring.removeExpired();
		}

		@Override
		public long countLive(String namespace) {
			return this.live.countLive(namespace);
		}

	}

}
