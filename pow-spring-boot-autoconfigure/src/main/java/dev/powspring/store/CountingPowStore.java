package dev.powspring.store;

import java.time.Duration;

/**
 * The capability to count atomically, for rate limits that hold across nodes.
 */
public interface CountingPowStore extends PowStore {

	/**
	 * Add one to a counter. A counter that is absent or expired starts at one and expires
	 * after the window; later increments keep that expiry, so it counts within a fixed
	 * window from its first increment. Read it with {@code get(namespace, key, Long.class)}.
	 * @param namespace the namespace
	 * @param key the counter's key
	 * @param window how long the counter lives from its first increment
	 * @return the count after adding one
	 */
	long increment(String namespace, String key, Duration window);

	/**
	 * Take one from a live counter, keeping its expiry, never below zero: how a reserved
	 * attempt is given back. An absent or expired counter stays absent.
	 * @param namespace the namespace
	 * @param key the counter's key
	 * @return the count after taking one, zero when there was none
	 */
	long decrement(String namespace, String key);

}
