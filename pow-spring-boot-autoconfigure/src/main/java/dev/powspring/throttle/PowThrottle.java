package dev.powspring.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.powspring.store.CountingPowStore;
import dev.powspring.token.TokenHashes;

/**
 * Counts events per bucket and key in the store, and refuses a key whose limit was
 * reached until its lockout ends. Keys are hashed, so no user id or address is kept in
 * the store's keys.
 */
public class PowThrottle {

	private static final String COUNTS = "throttle_count";

	private static final String LOCKS = "throttle_lock";

	private final CountingPowStore store;

	private final Clock clock;

	public PowThrottle(CountingPowStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Tell whether a key is locked out, and for how long.
	 * @param bucket what is counted, such as {@code sign_in_account}
	 * @param key whose events, such as a user id or an address
	 * @return how long until attempts are allowed again, or empty when they are
	 */
	public Optional<Duration> lockedFor(String bucket, String key) {
		return this.store.get(LOCKS, storeKey(bucket, key), Instant.class)
			.map((until) -> Duration.between(this.clock.instant(), until))
			.filter((remaining) -> !remaining.isNegative() && !remaining.isZero());
	}

	/**
	 * Count an event; lock the key out when this one reaches the limit.
	 * @param limit the limit
	 * @param bucket what is counted
	 * @param key whose events
	 */
	public void record(PowLimit limit, String bucket, String key) {
		String storeKey = storeKey(bucket, key);
		if (this.store.increment(COUNTS, storeKey, limit.getWindow()) >= limit.getMax()) {
			this.store.put(LOCKS, storeKey, this.clock.instant().plus(limit.getLockout()), limit.getLockout());
			this.store.delete(COUNTS, storeKey);
		}
	}

	/**
	 * Check and count an attempt at once: refused when locked out, else counted.
	 * @param limit the limit
	 * @param bucket what is counted
	 * @param key whose attempts
	 * @return how long until attempts are allowed again when refused, else empty
	 */
	public Optional<Duration> attempt(PowLimit limit, String bucket, String key) {
		Optional<Duration> locked = lockedFor(bucket, key);
		if (locked.isEmpty()) {
			record(limit, bucket, key);
		}
		return locked;
	}

	/**
	 * Forget a key's count and lockout.
	 * @param bucket what is counted
	 * @param key whose events
	 */
	public void clear(String bucket, String key) {
		String storeKey = storeKey(bucket, key);
		this.store.delete(COUNTS, storeKey);
		this.store.delete(LOCKS, storeKey);
	}

	private static String storeKey(String bucket, String key) {
		return bucket + ":" + TokenHashes.sha256(String.valueOf(key));
	}

}
