package dev.powspring.persistentsession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.powspring.store.PrincipalIndexedPowStore;
import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

/**
 * Remember-me tokens in the store, keyed by their SHA-256 hash and indexed by user, so
 * that all of a user's tokens can be revoked at once.
 */
public class PersistentSessionTokens {

	static final String NAMESPACE = "persistent_session";

	private static final String ROTATION_LOCKS = "persistent_session_rotation";

	private static final String SIGNATURE_PURPOSE = "persistent_session";

	private final PrincipalIndexedPowStore store;

	private final TokenSigner signer;

	private final Clock clock;

	private final Duration ttl;

	private final Duration rotationGrace;

	public PersistentSessionTokens(PrincipalIndexedPowStore store, TokenSigner signer, Clock clock, Duration ttl,
			Duration rotationGrace) {
		this.store = store;
		this.signer = signer;
		this.clock = clock;
		this.ttl = ttl;
		this.rotationGrace = rotationGrace;
	}

	/**
	 * Issue a token for a user's session.
	 * @param userId the user's primary key
	 * @param fingerprint the session's fingerprint, kept by the sessions it restores
	 * @param metadata the session's metadata
	 * @return the signed token, for the cookie
	 */
	public String issue(Long userId, String fingerprint, Map<String, String> metadata) {
		return store(new PersistentSessionToken(userId, fingerprint, metadata, this.clock.instant().plus(this.ttl),
				null));
	}

	/**
	 * Issue the token that replaces one just used. It expires when the first token of its
	 * sign-in does: rotating keeps a stolen cookie from being replayed, and never makes a
	 * remembered device live longer than the lifetime from its last sign-in with a password.
	 * @param replaced the token being replaced
	 * @return the signed token, for the cookie
	 */
	public String issueReplacement(PersistentSessionToken replaced) {
		return store(new PersistentSessionToken(replaced.userId(), replaced.fingerprint(), replaced.metadata(),
				replaced.expiresAt(), null));
	}

	/**
	 * Return how long a token has left.
	 * @param record the token's record
	 * @return the time until it expires, zero when it has
	 */
	public Duration remaining(PersistentSessionToken record) {
		Duration remaining = Duration.between(this.clock.instant(), record.expiresAt());
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	private String store(PersistentSessionToken record) {
		String token = TokenSigner.randomToken();
		this.store.put(NAMESPACE, TokenHashes.sha256(token), record, remaining(record), principal(record.userId()));
		return this.signer.sign(SIGNATURE_PURPOSE, token);
	}

	/**
	 * Look up the token of a cookie.
	 * @param signedToken the cookie's value
	 * @return the token and its record, or empty for an unsigned, tampered, expired or
	 * revoked token
	 */
	public Optional<Found> find(String signedToken) {
		return this.signer.verify(SIGNATURE_PURPOSE, signedToken)
			.map(TokenHashes::sha256)
			.flatMap((key) -> this.store.get(NAMESPACE, key, PersistentSessionToken.class)
				.map((record) -> new Found(key, record)));
	}

	/**
	 * Claim the right to replace a token. Of several concurrent requests with the same
	 * token, one wins; the token is then marked as replaced but keeps its record, so
	 * that presenting it after the grace period can be recognized as theft.
	 * @param found the token
	 * @return whether this caller replaces it
	 */
	public boolean claimRotation(Found found) {
		if (!this.store.putIfAbsent(ROTATION_LOCKS, found.key(), Boolean.TRUE, this.rotationGrace)) {
			return false;
		}
		Duration remaining = remaining(found.record());
		if (remaining.isZero()) {
			return false;
		}
		this.store.put(NAMESPACE, found.key(), found.record().rotated(this.clock.instant()), remaining,
				principal(found.record().userId()));
		return true;
	}

	/**
	 * Return whether a replaced token is still within its grace period.
	 * @param record the token's record
	 * @return {@code true} while it may still sign in
	 */
	public boolean withinGrace(PersistentSessionToken record) {
		return this.clock.instant().isBefore(record.rotatedAt().plus(this.rotationGrace));
	}

	/**
	 * Delete one token.
	 * @param signedToken the cookie's value
	 */
	public void delete(String signedToken) {
		this.signer.verify(SIGNATURE_PURPOSE, signedToken)
			.ifPresent((token) -> this.store.delete(NAMESPACE, TokenHashes.sha256(token)));
	}

	/**
	 * Delete every token of a user.
	 * @param userId the user's primary key
	 */
	public void revokeAll(Long userId) {
		for (String key : this.store.findKeysByPrincipal(NAMESPACE, principal(userId))) {
			this.store.delete(NAMESPACE, key);
		}
	}

	/**
	 * Return how long the cookie lives.
	 * @return the token TTL
	 */
	public Duration ttl() {
		return this.ttl;
	}

	private static String principal(Long userId) {
		return String.valueOf(userId);
	}

	/**
	 * What the store keeps for a token.
	 *
	 * @param userId the user's primary key
	 * @param fingerprint the fingerprint of the sessions it restores
	 * @param metadata the metadata of those sessions
	 * @param expiresAt when the token stops working
	 * @param rotatedAt when the token was replaced, or {@code null}
	 */
	public record PersistentSessionToken(Long userId, String fingerprint, Map<String, String> metadata,
			Instant expiresAt, Instant rotatedAt) {

		public PersistentSessionToken {
			metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
		}

		PersistentSessionToken rotated(Instant when) {
			return new PersistentSessionToken(this.userId, this.fingerprint, this.metadata, this.expiresAt, when);
		}

	}

	/**
	 * A token found in the store.
	 *
	 * @param key its hash, the store key
	 * @param record what the store keeps for it
	 */
	public record Found(String key, PersistentSessionToken record) {

	}

}
