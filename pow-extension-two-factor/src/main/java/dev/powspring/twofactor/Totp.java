package dev.powspring.twofactor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time codes as authenticator apps make them (RFC 6238 with the defaults
 * every app supports): HMAC-SHA1, six digits, a new code every 30 seconds. A code is
 * accepted one step before and after the current one, for clocks that drift and codes
 * typed as they change.
 */
public final class Totp {

	/** The length of a step, in seconds. */
	public static final int STEP_SECONDS = 30;

	/** The number of digits of a code. */
	public static final int DIGITS = 6;

	/** The steps accepted before and after the current one. */
	public static final int WINDOW = 1;

	// 160 bits, the size of an HMAC-SHA1 key that RFC 4226 recommends.
	private static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/**
	 * Make a new random secret.
	 * @return the secret
	 */
	public static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/**
	 * Encode a secret as authenticator apps read it: base32, without padding.
	 * @param secret the secret
	 * @return the base32 text
	 */
	public static String base32(byte[] secret) {
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/**
	 * Decode a base32 secret, in any case, with or without spaces and padding.
	 * @param base32 the text
	 * @return the secret
	 */
	public static byte[] fromBase32(String base32) {
		return new Base32().decode(base32.replace(" ", "").toUpperCase(Locale.ROOT));
	}

	/**
	 * Return the time step of an instant.
	 * @param instant the instant
	 * @return the number of steps since the epoch
	 */
	public static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/**
	 * Compute the code of a step.
	 * @param secret the secret
	 * @param step the time step
	 * @return the code, zero-padded to six digits
	 */
	public static String code(byte[] secret, long step) {
		byte[] hash = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		// Dynamic truncation (RFC 4226, section 5.3).
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		int code = binary % 1_000_000;
		return String.format(Locale.ROOT, "%06d", code);
	}

	/**
	 * Find the step, within the window around now, whose code the given one is.
	 * @param secret the secret
	 * @param code the code as typed; spaces are ignored
	 * @param now the current time
	 * @return the matching step, or empty when the code is of none
	 */
	public static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
		String typed = normalize(code);
		if (typed == null) {
			return OptionalLong.empty();
		}
		long current = step(now);
		long found = Long.MIN_VALUE;
		// Every step of the window is computed and compared in constant time, so the answer
		// takes as long whichever matched.
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(), typed.getBytes()) && found == Long.MIN_VALUE) {
				found = step;
			}
		}
		return (found != Long.MIN_VALUE) ? OptionalLong.of(found) : OptionalLong.empty();
	}

	/**
	 * Tell whether the text looks like a TOTP code rather than a recovery code.
	 * @param code the text as typed
	 * @return {@code true} for six digits, spaces aside
	 */
	public static boolean looksLikeCode(String code) {
		return normalize(code) != null;
	}

	private static String normalize(String code) {
		if (code == null) {
			return null;
		}
		String digits = code.replace(" ", "").trim();
		return (digits.length() == DIGITS && digits.chars().allMatch((c) -> c >= '0' && c <= '9')) ? digits : null;
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			// HmacSHA1 is required of every Java platform, so this is a broken JRE.
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

}
