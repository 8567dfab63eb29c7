package dev.powspring.metrics;

import dev.powspring.nearcache.PowNearCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How a node's near cache does: its hits and misses (a falling hit rate means the cache
 * is too small or its channel too often down), its size, and whether its invalidation
 * channel is up.
 */
public class PowNearCacheMeters {

	/** Counter of linked reads served from, and missed by, the near cache: tag {@code result}. */
	public static final String REQUESTS = "pow.store.near-cache.requests";

	/** Gauge of entries in the near cache. */
	public static final String SIZE = "pow.store.near-cache.size";

	/** Gauge: 1 while the invalidation channel is up and the cache in use, else 0. */
	public static final String CONNECTED = "pow.store.near-cache.connected";

	/**
	 * Register the meters.
	 * @param registry where the meters are
	 * @param cache the near cache, read on each poll
	 * @param realm the realm of the store
	 */
	public PowNearCacheMeters(MeterRegistry registry, PowNearCache cache, String realm) {
		FunctionCounter.builder(REQUESTS, cache, (near) -> near.stats().hitCount())
			.description("Entries read from the near cache (hit) or the store (miss)")
			.tag("result", "hit")
			.tag(PowMeters.REALM_TAG, realm)
			.register(registry);
		FunctionCounter.builder(REQUESTS, cache, (near) -> near.stats().missCount())
			.description("Entries read from the near cache (hit) or the store (miss)")
			.tag("result", "miss")
			.tag(PowMeters.REALM_TAG, realm)
			.register(registry);
		Gauge.builder(SIZE, cache, PowNearCache::size)
			.strongReference(true)
			.description("Entries in the near cache")
			.tag(PowMeters.REALM_TAG, realm)
			.register(registry);
		Gauge.builder(CONNECTED, cache, (near) -> near.usable() ? 1 : 0)
			.strongReference(true)
			.description("Whether the near cache's invalidation channel is up")
			.tag(PowMeters.REALM_TAG, realm)
			.register(registry);
	}

}
