package dev.powspring.twofactor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP codes as RFC 6238 defines them.
 */
class TotpTests {

	// The SHA-1 seed of RFC 6238's test vectors.
	private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
			"2000000000, 279037", "20000000000, 353130" })
	void codeMatchesRfc6238TestVectors(long epochSecond, String code) {
		// The RFC's eight-digit codes, cut to the six digits every app shows.
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(epochSecond)))).isEqualTo(code);
	}

	@Test
	void matchingStepAcceptsOneStepEitherSide() {
		Instant now = Instant.ofEpochSecond(1_111_111_111);
		long step = Totp.step(now);

		assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(SEED, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(SEED, null, now)).isEmpty();
	}

	@Test
	void base32RoundTrips() {
		byte[] secret = Totp.newSecret();

		assertThat(Totp.base32(secret)).matches("[A-Z2-7]{32}");
		assertThat(Totp.fromBase32(Totp.base32(secret).toLowerCase())).isEqualTo(secret);
	}

}
