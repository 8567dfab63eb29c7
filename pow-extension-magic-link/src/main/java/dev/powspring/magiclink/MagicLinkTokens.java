package dev.powspring.magiclink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.powspring.store.PowStore;
import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

/**
 * Magic link tokens. A token is random; the user gets it only signed, inside a link; the
 * store keeps only its SHA-256 hash, for the token TTL, with the user and a hash of the
 * address it was mailed to. Looking a token up leaves it alone; consuming deletes it, and
 * only one of several concurrent consumers succeeds.
 */
public class MagicLinkTokens {

	static final String NAMESPACE = "magic_link";

	private static final String SIGNATURE_PURPOSE = "magic_link";

	private final PowStore store;

	private final TokenSigner signer;

	private final Clock clock;

	private final Duration ttl;

	public MagicLinkTokens(PowStore store, TokenSigner signer, Clock clock, Duration ttl) {
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
	 * @param address the address the link is mailed to
	 * @return the signed token, for the link
	 */
	public String issue(String token, Long userId, String address) {
		this.store.put(NAMESPACE, TokenHashes.sha256(token),
				new MagicLinkToken(userId, TokenHashes.sha256(address), this.clock.instant().plus(this.ttl)),
				this.ttl);
		return this.signer.sign(SIGNATURE_PURPOSE, token);
	}

	/**
	 * Look a signed token up without using it.
	 * @param signedToken the token from the link
	 * @return the user's primary key, or empty for an invalid, tampered, expired or used
	 * token
	 */
	public Optional<Long> find(String signedToken) {
		return key(signedToken).flatMap(this::record).map(MagicLinkToken::userId);
	}

	/**
	 * Use a signed token up. Only one caller can consume a token.
	 * @param signedToken the token from the link
	 * @return what the store kept for it, or empty when the token was invalid, expired or
	 * already used
	 */
	public Optional<MagicLinkToken> consume(String signedToken) {
		Optional<String> key = key(signedToken);
		Optional<MagicLinkToken> record = key.flatMap(this::record);
		if (record.isEmpty() || !this.store.delete(NAMESPACE, key.get())) {
			return Optional.empty();
		}
		return record;
	}

	private Optional<String> key(String signedToken) {
		return this.signer.verify(SIGNATURE_PURPOSE, signedToken).map(TokenHashes::sha256);
	}

	private Optional<MagicLinkToken> record(String key) {
		// The store's TTL may round; the recorded expiry is exact.
		return this.store.get(NAMESPACE, key, MagicLinkToken.class)
			.filter((record) -> record.expiresAt().isAfter(this.clock.instant()));
	}

	/**
	 * What the store keeps for a token.
	 *
	 * @param userId the user's primary key
	 * @param addressHash the SHA-256 hash of the address the link was mailed to
	 * @param expiresAt when the token stops working
	 */
	public record MagicLinkToken(Long userId, String addressHash, Instant expiresAt) {

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
