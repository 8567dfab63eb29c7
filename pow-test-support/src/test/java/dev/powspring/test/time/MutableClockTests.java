package dev.powspring.test.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MutableClock}.
 */
class MutableClockTests {

	private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void atWhenCreatedThenStandsStillInUtc() {
		MutableClock clock = MutableClock.at(START);
		assertThat(clock.instant()).isEqualTo(START);
		assertThat(clock.instant()).isEqualTo(START);
		assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
		assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
	}

	@Test
	void nowWhenCreatedThenTruncatedToMicroseconds() {
		Instant instant = MutableClock.now().instant();
		assertThat(instant).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
	}

	@Test
	void advanceWhenCalledThenMovesForward() {
		MutableClock clock = MutableClock.at(START);
		clock.advance(Duration.ofSeconds(5));
		clock.advance(Duration.ofNanos(1));
		assertThat(clock.instant()).isEqualTo(START.plusSeconds(5).plusNanos(1));
	}

	@Test
	void advanceWhenNegativeThenIllegalArgumentException() {
		MutableClock clock = MutableClock.at(START);
		assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofSeconds(-1)));
		assertThat(clock.instant()).isEqualTo(START);
	}

	@Test
	void setWhenEarlierInstantThenMovesBack() {
		MutableClock clock = MutableClock.at(START);
		clock.set(START.minusSeconds(60));
		assertThat(clock.instant()).isEqualTo(START.minusSeconds(60));
	}

	@Test
	void withZoneWhenAdvancedThenBothClocksMove() {
		MutableClock clock = MutableClock.at(START);
		ZoneId paris = ZoneId.of("Europe/Paris");
		MutableClock zoned = clock.withZone(paris);
		clock.advance(Duration.ofMinutes(1));
		assertThat(zoned.getZone()).isEqualTo(paris);
		assertThat(zoned.instant()).isEqualTo(START.plusSeconds(60));
		zoned.advance(Duration.ofMinutes(1));
		assertThat(clock.instant()).isEqualTo(START.plusSeconds(120));
	}

}
