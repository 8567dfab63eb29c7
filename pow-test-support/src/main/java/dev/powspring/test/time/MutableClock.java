package dev.powspring.test.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when told to, so that tests can step over expiry
 * deadlines instead of sleeping.
 * <p>
 * It is thread-safe: code under test may read it from any thread while the test moves
 * it. Clocks derived with {@link #withZone(ZoneId)} share the same time, so moving one
 * moves them all.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> instant;

	private final ZoneId zone;

	private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
		this.instant = instant;
		this.zone = zone;
	}

	/**
	 * Create a clock in UTC that stands at the given instant.
	 * @param instant the instant to start at
	 * @return the clock
	 * @throws NullPointerException if {@code instant} is {@code null}
	 */
	public static MutableClock at(Instant instant) {
		Objects.requireNonNull(instant, "instant must not be null");
		return new MutableClock(new AtomicReference<>(instant), ZoneOffset.UTC);
	}

	/**
	 * Create a clock in UTC that stands at the current time, truncated to microseconds.
	 * The truncation keeps instants derived from it exact when a backend stores them
	 * in a database column with microsecond precision, such as PostgreSQL's
	 * {@code timestamptz}.
	 * @return the clock
	 */
	public static MutableClock now() {
		return at(Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * Move the clock forward.
	 * @param duration how far to move it, zero or positive
	 * @throws NullPointerException if {@code duration} is {@code null}
	 * @throws IllegalArgumentException if {@code duration} is negative; use
	 * {@link #set(Instant)} to move the clock back
	 */
	public void advance(Duration duration) {
		Objects.requireNonNull(duration, "duration must not be null");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be negative, but was " + duration);
		}
		this.instant.updateAndGet((current) -> current.plus(duration));
	}

	/**
	 * Set the clock to the given instant, which may lie before the current one.
	 * @param instant the new instant
	 * @throws NullPointerException if {@code instant} is {@code null}
	 */
	public void set(Instant instant) {
		Objects.requireNonNull(instant, "instant must not be null");
		this.instant.set(instant);
	}

	@Override
	public Instant instant() {
		return this.instant.get();
	}

	@Override
	public long millis() {
		return instant().toEpochMilli();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	/**
	 * Return a clock in the given zone that shares this clock's time: moving either
	 * moves both.
	 * @param zone the zone of the returned clock
	 * @return a clock in {@code zone}
	 */
	@Override
	public MutableClock withZone(ZoneId zone) {
		Objects.requireNonNull(zone, "zone must not be null");
		if (zone.equals(this.zone)) {
			return this;
		}
		return new MutableClock(this.instant, zone);
	}

	@Override
	public String toString() {
		return "MutableClock[" + instant() + "," + this.zone + "]";
	}

}
