package dev.powspring.tenant;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.powspring.store.CountingPowStore;
import dev.powspring.store.ExpiringStore;
import dev.powspring.store.LinkedReadPowStore;

/**
 * The store of a multitenant application: every key and principal gets the current
 * tenant's id in front, so sessions, tokens, user copies and throttle counters of one
 * tenant are invisible to another, whichever backend keeps them. Work outside any tenant
 * (sweeping, mail rate limits) uses the keys as given.
 */
public class TenantScopedPowStore implements LinkedReadPowStore, CountingPowStore {

	private static final char SEPARATOR = '|';

	private final LinkedReadPowStore store;

	private final CountingPowStore counters;

	TenantScopedPowStore(LinkedReadPowStore store, CountingPowStore counters) {
		this.store = store;
		this.counters = counters;
	}

	/**
	 * Scope a store to the current tenant.
	 * @param store a store with every capability of Pow's backends
	 * @return the scoped store, which can also remove expired entries when the store can
	 */
	public static TenantScopedPowStore of(Object store) {
		if (!(store instanceof LinkedReadPowStore linked) || !(store instanceof CountingPowStore counting)) {
			throw new IllegalArgumentException("Multitenancy needs a store that reads linked entries and counts, as "
					+ "Pow's memory, jdbc and redis stores do; " + store.getClass().getName() + " does not");
		}
		return (store instanceof ExpiringStore expiring) ? new Expiring(linked, counting, expiring)
				: new TenantScopedPowStore(linked, counting);
	}

	private static String scoped(String value) {
		if (value == null) {
			return null;
		}
		return PowTenantContext.current().map((tenant) -> tenant + SEPARATOR + value).orElse(value);
	}

	private static String unscoped(String value) {
		return PowTenantContext.current()
			.map((tenant) -> tenant + SEPARATOR)
			.filter(value::startsWith)
			.map((prefix) -> value.substring(prefix.length()))
			.orElse(value);
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl) {
		this.store.put(namespace, scoped(key), value, ttl);
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl, String principal) {
		this.store.put(namespace, scoped(key), value, ttl, scoped(principal));
	}

	@Override
	public <T> Optional<T> get(String namespace, String key, Class<T> type) {
		return this.store.get(namespace, scoped(key), type);
	}

	@Override
	public boolean delete(String namespace, String key) {
		return this.store.delete(namespace, scoped(key));
	}

	@Override
	public boolean putIfAbsent(String namespace, String key, Object value, Duration ttl) {
		return this.store.putIfAbsent(namespace, scoped(key), value, ttl);
	}

	@Override
	public Set<String> findKeysByPrincipal(String namespace, String principal) {
		return this.store.findKeysByPrincipal(namespace, scoped(principal))
			.stream()
			.map(TenantScopedPowStore::unscoped)
			.collect(Collectors.toSet());
	}

	// The linked entry is keyed by the entry's principal, which was scoped when written.
	@Override
	public <A, B> Optional<Linked<A, B>> getLinked(String namespace, String key, Class<A> type,
			String linkNamespace, Class<B> linkType) {
		return this.store.getLinked(namespace, scoped(key), type, linkNamespace, linkType)
			.map((found) -> new Linked<>(found.value(), found.linked(),
					(found.principal() != null) ? unscoped(found.principal()) : null));
	}

	@Override
	public long increment(String namespace, String key, Duration window) {
		return this.counters.increment(namespace, scoped(key), window);
	}

	@Override
	public long decrement(String namespace, String key) {
		return this.counters.decrement(namespace, scoped(key));
	}

	/**
	 * The scoped store of a backend that removes expired entries itself.
	 */
	static final class Expiring extends TenantScopedPowStore implements ExpiringStore {

		private final ExpiringStore expiring;

		Expiring(LinkedReadPowStore store, CountingPowStore counters, ExpiringStore expiring) {
			super(store, counters);
			this.expiring = expiring;
		}

		@Override
		public int removeExpired() {
			return this.expiring.removeExpired();
		}

	}

}
