package dev.powspring.nearcache;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * One node's near cache: entries it read from the shared store lately, dropped when any
 * node changes them, never trusted longer than the maximum staleness, and not used at all
 * while the invalidation channel is down. Bounded in entries and in estimated bytes.
 * <p>
 * A read that misses fills the cache only when no change was heard while it was in
 * flight, so a change that races the read can never leave the older value behind.
 */
public class PowNearCache implements PowNearCacheChannel.Listener, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PowNearCache.class);

	// What an entry costs beyond its value: the key, the map node and Caffeine's bookkeeping.
	private static final int ENTRY_OVERHEAD_BYTES = 160;

	private final Cache<EntryKey, Cached> entries;

	private final PowNearCacheChannel channel;

	// Moves on every change heard and every connect or disconnect, so a read can tell
	// whether anything happened while it was in flight.
	private final AtomicLong changes = new AtomicLong();

	private volatile boolean connected;

	private volatile boolean running;

	/**
	 * Create a near cache, unused until started.
	 * @param channel how the nodes hear of each other's changes
	 * @param clock the clock entries age by
	 * @param settings its bounds
	 * @param sizeOf estimates a value's size in bytes
	 */
	public PowNearCache(PowNearCacheChannel channel, Clock clock, Settings settings, ToIntFunction<Object> sizeOf) {
		Assert.notNull(channel, "channel must not be null");
		Assert.isTrue(settings.maxEntries() > 0 && settings.maxBytes() > 0, "bounds must be positive");
		this.channel = channel;
		// Weighing each entry at least maxBytes / maxEntries bounds the count and the bytes
		// with a single weight limit.
		int floor = (int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.maxBytes() / settings.maxEntries()));
		this.entries = Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfterWrite(settings.maxStaleness())
			.maximumWeight(settings.maxBytes())
			.weigher((EntryKey key, Cached cached) -> Math.max(floor, weight(key, cached, sizeOf)))
			.recordStats()
			.build();
	}

	private static int weight(EntryKey key, Cached cached, ToIntFunction<Object> sizeOf) {
		long bytes = ENTRY_OVERHEAD_BYTES + 2L * (key.namespace().length() + key.key().length())
				+ sizeOf.applyAsInt(cached.value());
		return (int) Math.min(Integer.MAX_VALUE, bytes);
	}

	/**
	 * Tell whether the cache may be read: its channel is up.
	 * @return {@code true} when entries may be served
	 */
	public boolean usable() {
		return this.connected;
	}

	/**
	 * Return a cached entry.
	 * @param namespace the namespace
	 * @param key the key
	 * @return the entry, or {@code null} when there is none or the cache is not usable
	 */
	Cached lookup(String namespace, String key) {
		return this.connected ? this.entries.getIfPresent(new EntryKey(namespace, key)) : null;
	}

	/**
	 * Mark the start of a read from the store, for {@link #fill}.
	 * @return the stamp to fill with
	 */
	long stamp() {
		return this.changes.get();
	}

	/**
	 * Keep what a read found, unless anything changed since it began.
	 * @param stamp the stamp taken before the read
	 * @param namespace the namespace
	 * @param key the key
	 * @param cached what was read
	 */
	void fill(long stamp, String namespace, String key, Cached cached) {
		if (!this.connected || this.changes.get() != stamp) {
			return;
		}
		EntryKey entryKey = new EntryKey(namespace, key);
		this.entries.put(entryKey, cached);
		// A change heard between the check and the put has already invalidated, so look
		// again and undo.
		if (this.changes.get() != stamp) {
			this.entries.invalidate(entryKey);
		}
	}

	/**
	 * An entry changed on this node: drop it here and tell the other nodes.
	 * @param namespace the namespace
	 * @param key the key
	 */
	void changed(String namespace, String key) {
		invalidated(namespace, key);
		try {
			this.channel.publish(namespace, key);
		}
		catch (RuntimeException ex) {
			// The change is written; the other nodes drop their copy at the latest when it
			// reaches its maximum staleness.
			logger.warn("Could not tell the other nodes that " + namespace + " entry changed: " + ex.getMessage());
		}
	}

	@Override
	public void invalidated(String namespace, String key) {
		this.changes.incrementAndGet();
		this.entries.invalidate(new EntryKey(namespace, key));
	}

	@Override
	public void connected() {
		this.changes.incrementAndGet();
		this.entries.invalidateAll();
		this.connected = true;
		logger.info("Near cache in use: its invalidation channel is connected");
	}

	@Override
	public void disconnected() {
		boolean was = this.connected;
		this.connected = false;
		this.changes.incrementAndGet();
		this.entries.invalidateAll();
		if (was && this.running) {
			logger.warn("Near cache bypassed until its invalidation channel reconnects");
		}
	}

	/**
	 * Return the cache's hit and miss counts.
	 * @return the statistics
	 */
	public CacheStats stats() {
		return this.entries.stats();
	}

	/**
	 * Return about how many entries the cache holds.
	 * @return the estimate
	 */
	public long size() {
		return this.entries.estimatedSize();
	}

	@Override
	public void start() {
		this.running = true;
		this.channel.start(this);
	}

	@Override
	public void stop() {
		this.running = false;
		this.channel.stop();
		disconnected();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Bounds of a near cache.
	 *
	 * @param maxStaleness how long an entry is trusted at most
	 * @param maxEntries most entries kept
	 * @param maxBytes most bytes kept, estimated
	 */
	public record Settings(Duration maxStaleness, long maxEntries, long maxBytes) {

	}

	record EntryKey(String namespace, String key) {

	}

	/**
	 * A cached entry.
	 *
	 * @param value its value
	 * @param principal its principal, or {@code null}
	 */
	record Cached(Object value, String principal) {

	}

}
