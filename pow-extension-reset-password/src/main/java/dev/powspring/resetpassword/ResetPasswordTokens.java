package dev.powspring.resetpassword;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.powspring.store.PowStore;
import dev.powspring.token.SingleUseLinkTokens;
import dev.powspring.token.TokenSigner;

/**
 * Reset tokens: {@link SingleUseLinkTokens} of their own namespace and signature purpose.
 * A token is random; the user gets it only signed, inside a link; the store keeps only its
 * SHA-256 hash, for the token TTL. Consuming a token deletes it, and only one of several
 * concurrent consumers can succeed.
 */
public class ResetPasswordTokens {

	static final String NAMESPACE = "reset_password";

	private static final String SIGNATURE_PURPOSE = "reset_password";

	private final SingleUseLinkTokens<ResetToken> tokens;

	/**
	 * Create an instance.
	 * @param store where the tokens live
	 * @param signer signs tokens before they go into links
	 * @param clock the clock for expiry
	 * @param ttl how long a reset link works
	 */
	public ResetPasswordTokens(PowStore store, TokenSigner signer, Clock clock, Duration ttl) {
		this.tokens = new SingleUseLinkTokens<>(store, signer, clock, NAMESPACE, SIGNATURE_PURPOSE, ResetToken.class,
				ttl);
	}

	/**
	 * Make a new token, not yet tied to a user. Pow makes it before looking the user up,
	 * so that both answers take the same time.
	 * @return the raw token
	 */
	public String generate() {
		return this.tokens.generate();
	}

	/**
	 * Store a token for a user.
	 * @param token the raw token
	 * @param userId the user's primary key
	 * @return the signed token, for the link
	 */
	public String issue(String token, Long userId) {
		return this.tokens.issue(token, (expiresAt) -> new ResetToken(userId, expiresAt));
	}

	/**
	 * Look a signed token up without using it.
	 * @param signedToken the token from the link
	 * @return the user's primary key, or empty for an invalid, tampered or expired token
	 */
	public Optional<Long> find(String signedToken) {
		return this.tokens.find(signedToken).map(ResetToken::userId);
	}

	/**
	 * Use a signed token up. Only one caller can consume a token.
	 * @param signedToken the token from the link
	 * @return the consumed token, or empty when it was invalid or already used
	 */
	public Optional<Consumed> consume(String signedToken) {
		return this.tokens.consume(signedToken).map((used) -> new Consumed(used.token(), used.record()));
	}

	/**
	 * Put a consumed token back, for when the reset it was used for did not go through.
	 * @param consumed the consumed token
	 */
	public void restore(Consumed consumed) {
		this.tokens.restore(new SingleUseLinkTokens.Consumed<>(consumed.token(), consumed.record()));
	}

	/**
	 * Delete every outstanding token of a user.
	 * @param userId the user's primary key
	 */
	public void revokeAll(Long userId) {
		this.tokens.revokeAll(userId);
	}

	/**
	 * What the store keeps for a token.
	 *
	 * @param userId the user's primary key
	 * @param expiresAt when the token stops working
	 */
	public record ResetToken(Long userId, Instant expiresAt) implements SingleUseLinkTokens.TokenRecord {

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
