package dev.powspring.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.store.CountingPowStore;
import dev.powspring.token.TokenHashes;

/**
 * Limits attempts per bucket and key in the store, and locks a key out once its limit is
 * spent. Keys are hashed, so no user id or address is kept in the store's keys.
 * <p>
 * An attempt is {@linkplain #reserve reserved} before the work it limits (a password
 * check, a mail) with one atomic increment, so however many requests arrive at once, no
 * more than the limit get through in a window. The caller then {@linkplain
 * Reservation#spend() spends} the reservation when the attempt counts against the key,
 * or {@linkplain Reservation#giveBack() gives it back} when it does not.
 */
public class PowThrottle {

	private static final String COUNTS = "throttle_count";

	private static final String LOCKS = "throttle_lock";

	private final CountingPowStore store;

	private final Clock clock;

	private final List<RefusalListener> refusalListeners = new CopyOnWriteArrayList<>();

	public PowThrottle(CountingPowStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Reserve one attempt for a key, unless it is locked out or its limit is taken up by
	 * attempts counted or still under way.
	 * @param limit the limit
	 * @param bucket what is counted, such as {@code sign_in_account}
	 * @param key whose attempts, such as a user id or an address
	 * @return the reservation, granted or refused
	 */
	public Reservation reserve(PowLimit limit, String bucket, String key) {
		String storeKey = storeKey(bucket, key);
		Optional<Duration> locked = lockedFor(storeKey);
		if (locked.isPresent()) {
			return refused(limit, bucket, storeKey, locked.get());
		}
		long count = this.store.increment(COUNTS, storeKey, limit.getWindow());
		if (count > limit.getMax()) {
			// Attempts already under way hold every slot; they decide whether a lockout follows.
			this.store.decrement(COUNTS, storeKey);
			return refused(limit, bucket, storeKey, limit.getLockout());
		}
		return new Reservation(this, limit, storeKey, count, null);
	}

	/**
	 * Add a listener told of every refused reservation, whatever its limit, such as
	 * Pow's metrics.
	 * @param listener the listener
	 */
	public void addRefusalListener(RefusalListener listener) {
		this.refusalListeners.add(listener);
	}

	private Reservation refused(PowLimit limit, String bucket, String storeKey, Duration refusedFor) {
		for (RefusalListener listener : this.refusalListeners) {
			listener.refused(bucket, limit);
		}
		return new Reservation(this, limit, storeKey, 0, refusedFor);
	}

	/**
	 * Forget a key's count and lockout.
	 * @param bucket what is counted
	 * @param key whose attempts
	 */
	public void clear(String bucket, String key) {
		String storeKey = storeKey(bucket, key);
		this.store.delete(COUNTS, storeKey);
		this.store.delete(LOCKS, storeKey);
	}

	private Optional<Duration> lockedFor(String storeKey) {
		return this.store.get(LOCKS, storeKey, Instant.class)
			.map((until) -> Duration.between(this.clock.instant(), until))
			.filter((remaining) -> !remaining.isNegative() && !remaining.isZero());
	}

	private void spend(Reservation reservation) {
		if (reservation.count >= reservation.limit.getMax()) {
			Duration lockout = reservation.limit.getLockout();
			this.store.put(LOCKS, reservation.storeKey, this.clock.instant().plus(lockout), lockout);
			this.store.delete(COUNTS, reservation.storeKey);
		}
	}

	private void giveBack(Reservation reservation) {
		this.store.decrement(COUNTS, reservation.storeKey);
	}

	private static String storeKey(String bucket, String key) {
		return bucket + ":" + TokenHashes.sha256(String.valueOf(key));
	}

	/**
	 * Told of each refused reservation.
	 */
	@FunctionalInterface
	public interface RefusalListener {

		/**
		 * A reservation was refused.
		 * @param bucket what is counted, such as {@code sign_in_account}: a name of Pow's
		 * code, never a user id or an address
		 * @param limit the limit that refused it
		 */
		void refused(String bucket, PowLimit limit);

	}

	/**
	 * One reserved attempt, or the refusal of one. A granted reservation is settled once:
	 * spent or given back.
	 */
	public static final class Reservation {

		private final PowThrottle throttle;

		private final PowLimit limit;

		private final String storeKey;

		private final long count;

		private final Duration refusedFor;

		private Reservation(PowThrottle throttle, PowLimit limit, String storeKey, long count, Duration refusedFor) {
			this.throttle = throttle;
			this.limit = limit;
			this.storeKey = storeKey;
			this.count = count;
			this.refusedFor = refusedFor;
		}

		/**
		 * Tell whether the attempt was refused, and for how long attempts stay refused.
		 * @return how long until attempts are allowed again, or empty when granted
		 */
		public Optional<Duration> refusedFor() {
			return Optional.ofNullable(this.refusedFor);
		}

		/**
		 * Count the attempt against the key for its window; the attempt that spends the
		 * last of the limit locks the key out. Nothing for a refused reservation.
		 */
		public void spend() {
			if (this.refusedFor == null) {
				this.throttle.spend(this);
			}
		}

		/**
		 * Give the attempt back, so that it does not count. Nothing for a refused
		 * reservation.
		 */
		public void giveBack() {
			if (this.refusedFor == null) {
				this.throttle.giveBack(this);
			}
		}

	}

}
