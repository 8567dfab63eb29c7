package dev.powspring.resetpassword;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.powspring.store.PowStore;
import dev.powspring.store.PrincipalIndexedPowStore;
import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

/**
 * Reset tokens. A token is random; the user gets it only signed, inside a link; the store
 * keeps only its SHA-256 hash, for the token TTL. Consuming a token deletes it, and only
 * one of several concurrent consumers can succeed.
 */
public class ResetPasswordTokens {

	static final String NAMESPACE = "reset_password";

	private static final String SIGNATURE_PURPOSE = "reset_password";

	private final PowStore store;

	private final TokenSigner signer;

	private final Clock clock;

	private final Duration ttl;

	public ResetPasswordTokens(PowStore store, TokenSigner signer, Clock clock, Duration ttl) {
		this.store = store;
		this.signer = signer;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Make a new token, not yet tied to a user. Pow makes it before looking the user up,
	 * so that both answers take the same time.
	 * @return the raw token
	 */
	public String generate() {
		return TokenSigner.randomToken();
	}

	/**
	 * Store a token for a user.
	 * @param token the raw token
	 * @param userId the user's primary key
	 * @return the signed token, for the link
	 */
	public String issue(String token, Long userId) {
		putRecord(TokenHashes.sha256(token), new ResetToken(userId, this.clock.instant().plus(this.ttl)), this.ttl);
		return this.signer.sign(SIGNATURE_PURPOSE, token);
	}

	/**
	 * Look a signed token up without using it.
	 * @param signedToken the token from the link
	 * @return the user's primary key, or empty for an invalid, tampered or expired token
	 */
	public Optional<Long> find(String signedToken) {
		return record(signedToken).map(ResetToken::userId);
	}

	/**
	 * Use a signed token up. Only one caller can consume a token.
	 * @param signedToken the token from the link
	 * @return the consumed token, or empty when it was invalid or already used
	 */
	public Optional<Consumed> consume(String signedToken) {
		Optional<String> token = this.signer.verify(SIGNATURE_PURPOSE, signedToken);
		if (token.isEmpty()) {
			return Optional.empty();
		}
		String key = TokenHashes.sha256(token.get());
		Optional<ResetToken> record = this.store.get(NAMESPACE, key, ResetToken.class);
		if (record.isEmpty() || !this.store.delete(NAMESPACE, key)) {
			return Optional.empty();
		}
		return Optional.of(new Consumed(token.get(), record.get()));
	}

	/**
	 * Put a consumed token back, for when the reset it was used for did not go through.
	 * @param consumed the consumed token
	 */
	public void restore(Consumed consumed) {
		Duration remaining = Duration.between(this.clock.instant(), consumed.record().expiresAt());
		if (!remaining.isNegative() && !remaining.isZero()) {
			putRecord(TokenHashes.sha256(consumed.token()), consumed.record(), remaining);
		}
	}

	/**
	 * Delete every outstanding token of a user.
	 * @param userId the user's primary key
	 */
	public void revokeAll(Long userId) {
		if (this.store instanceof PrincipalIndexedPowStore indexed) {
			indexed.findKeysByPrincipal(NAMESPACE, String.valueOf(userId))
				.forEach((key) -> indexed.delete(NAMESPACE, key));
		}
	}

	private Optional<ResetToken> record(String signedToken) {
		return this.signer.verify(SIGNATURE_PURPOSE, signedToken)
			.flatMap((token) -> this.store.get(NAMESPACE, TokenHashes.sha256(token), ResetToken.class));
	}

	private void putRecord(String key, ResetToken record, Duration ttl) {
		if (this.store instanceof PrincipalIndexedPowStore indexed) {
			indexed.put(NAMESPACE, key, record, ttl, String.valueOf(record.userId()));
		}
		else {
			this.store.put(NAMESPACE, key, record, ttl);
		}
	}

	/**
	 * What the store keeps for a token.
	 *
	 * @param userId the user's primary key
	 * @param expiresAt when the token stops working
	 */
	public record ResetToken(Long userId, Instant expiresAt) {

	}

	/**
	 * A token taken out of the store.
	 *
	 * @param token the raw token
	 * @param record what the store kept for it
	 */
	public record Consumed(String token, ResetToken record) {

		/**
		 * Return the primary key of the user the token was for.
		 * @return the user id
		 */
		public Long userId() {
			return this.record.userId();
		}

	}

}
