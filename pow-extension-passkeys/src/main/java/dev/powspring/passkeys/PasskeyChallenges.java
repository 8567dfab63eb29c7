package dev.powspring.passkeys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.powspring.store.PowStore;
import dev.powspring.token.TokenHashes;

/**
 * The random challenges of passkey ceremonies. A challenge is kept in the {@link PowStore}
 * under a hash of its value, with what it was issued for; answering it consumes it
 * atomically (the store's delete decides), so each works once, and only until it expires.
 */
public class PasskeyChallenges {

	static final String NAMESPACE = "passkey_challenge";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final PowStore store;

	private final Clock clock;

	private final Duration ttl;

	public PasskeyChallenges(PowStore store, Clock clock, Duration ttl) {
		this.store = store;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Return how long a challenge can be answered.
	 * @return the time to live
	 */
	public Duration ttl() {
		return this.ttl;
	}

	/**
	 * Issue a challenge.
	 * @param ceremony what the challenge is for
	 * @param userId the user registering a passkey, or {@code null} for a sign-in
	 * @return the challenge's 32 random bytes
	 */
	public byte[] issue(Ceremony ceremony, Long userId) {
		byte[] challenge = new byte[32];
		RANDOM.nextBytes(challenge);
		this.store.put(NAMESPACE, key(challenge),
				new Issued(ceremony.name(), userId, this.clock.instant().plus(this.ttl)), this.ttl);
		return challenge;
	}

	/**
	 * Use up a challenge.
	 * @param challenge the challenge as the client answered it
	 * @param ceremony what it must have been issued for
	 * @return the challenge as issued, or empty when it is unknown, used, expired or for
	 * another ceremony
	 */
	public Optional<Issued> consume(byte[] challenge, Ceremony ceremony) {
		if (challenge == null || challenge.length == 0) {
			return Optional.empty();
		}
		String key = key(challenge);
		Optional<Issued> issued = this.store.get(NAMESPACE, key, Issued.class);
		if (issued.isEmpty() || !this.store.delete(NAMESPACE, key)) {
			return Optional.empty();
		}
		if (!ceremony.name().equals(issued.get().ceremony()) || !this.clock.instant().isBefore(issued.get().expiresAt())) {
			return Optional.empty();
		}
		return issued;
	}

	private static String key(byte[] challenge) {
		return TokenHashes.sha256(ENCODER.encodeToString(challenge));
	}

	/**
	 * What a challenge is for.
	 */
	public enum Ceremony {

		/** Registering a passkey. */
		REGISTRATION,

		/** Signing in with a passkey. */
		AUTHENTICATION

	}

	/**
	 * A challenge as issued.
	 *
	 * @param ceremony the {@link Ceremony}'s name
	 * @param userId the user registering a passkey, or {@code null}
	 * @param expiresAt when it can no longer be answered
	 */
	public record Issued(String ceremony, Long userId, Instant expiresAt) {

	}

}
