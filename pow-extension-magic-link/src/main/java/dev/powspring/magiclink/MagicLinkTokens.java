package dev.powspring.magiclink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.powspring.store.PowStore;
import dev.powspring.token.SingleUseLinkTokens;
import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

/**
 * Magic link tokens: {@link SingleUseLinkTokens} of their own namespace and signature
 * purpose. A token is random; the user gets it only signed, inside a link; the store keeps
 * only its SHA-256 hash, for the token TTL, with the user and a hash of the address it was
 * mailed to. Looking a token up leaves it alone; consuming deletes it, and only one of
 * several concurrent consumers succeeds.
 */
public class MagicLinkTokens {

	static final String NAMESPACE = "magic_link";

	private static final String SIGNATURE_PURPOSE = "magic_link";

	private final SingleUseLinkTokens<MagicLinkToken> tokens;

	/**
	 * Create an instance.
	 * @param store where the tokens live
	 * @param signer signs tokens before they go into links
	 * @param clock the clock for expiry
	 * @param ttl how long a magic link works
	 */
	public MagicLinkTokens(PowStore store, TokenSigner signer, Clock clock, Duration ttl) {
		this.tokens = new SingleUseLinkTokens<>(store, signer, clock, NAMESPACE, SIGNATURE_PURPOSE,
				MagicLinkToken.class, ttl);
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
	 * @param address the address the link is mailed to
	 * @return the signed token, for the link
	 */
	public String issue(String token, Long userId, String address) {
		return this.tokens.issue(token,
				(expiresAt) -> new MagicLinkToken(userId, TokenHashes.sha256(address), expiresAt));
	}

	/**
	 * Look a signed token up without using it.
	 * @param signedToken the token from the link
	 * @return the user's primary key, or empty for an invalid, tampered, expired or used
	 * token
	 */
	public Optional<Long> find(String signedToken) {
		return this.tokens.find(signedToken).map(MagicLinkToken::userId);
	}

	/**
	 * Use a signed token up. Only one caller can consume a token.
	 * @param signedToken the token from the link
	 * @return what the store kept for it, or empty when the token was invalid, expired or
	 * already used
	 */
	public Optional<MagicLinkToken> consume(String signedToken) {
		return this.tokens.consume(signedToken).map(SingleUseLinkTokens.Consumed::record);
	}

	/**
	 * What the store keeps for a token.
	 *
	 * @param userId the user's primary key
	 * @param addressHash the SHA-256 hash of the address the link was mailed to
	 * @param expiresAt when the token stops working
	 */
	public record MagicLinkToken(Long userId, String addressHash,
			Instant expiresAt) implements SingleUseLinkTokens.TokenRecord {

		/**
		 * Tell whether the link was mailed to the given address.
		 * @param address the user's address now, or {@code null}
		 * @return whether it is the address the link went to
		 */
		public boolean mailedTo(String address) {
			return address != null && TokenHashes.sha256(address).equals(this.addressHash);
		}

	}

}
