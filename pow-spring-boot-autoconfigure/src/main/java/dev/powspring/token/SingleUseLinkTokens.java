package dev.powspring.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import dev.powspring.store.PowStore;
import dev.powspring.store.PrincipalIndexedPowStore;

/**
 * Single-use tokens for links mailed to a user, such as password reset links and magic
 * links. A token is random; the user gets it only signed for one purpose, inside a link;
 * the store keeps only its SHA-256 hash, with a record, for the token TTL, indexed by user
 * when the store is a {@link PrincipalIndexedPowStore}. Looking a token up leaves it
 * alone; consuming deletes it, and the store's delete decides which of several concurrent
 * consumers succeeds, so a token works once. The record's own expiry is checked against
 * the clock, since a store's TTL may round.
 * <p>
 * Instances are immutable and thread-safe. An extension keeps one, of its own namespace
 * and signature purpose, behind its own token class.
 *
 * @param <T> the type of record kept for a token
 */
public class SingleUseLinkTokens<T extends SingleUseLinkTokens.TokenRecord> {

	private final PowStore store;

	private final TokenSigner signer;

	private final Clock clock;

	private final String namespace;

	private final String signaturePurpose;

	private final Class<T> recordType;

	private final Duration ttl;

	/**
	 * Create an instance.
	 * @param store where the tokens live
	 * @param signer signs tokens before they leave
	 * @param clock the clock for expiry
	 * @param namespace the store namespace of this kind of token
	 * @param signaturePurpose the purpose its tokens are signed for
	 * @param recordType the type of record kept for a token
	 * @param ttl how long a token works
	 */
	public SingleUseLinkTokens(PowStore store, TokenSigner signer, Clock clock, String namespace,
			String signaturePurpose, Class<T> recordType, Duration ttl) {
		this.store = store;
		this.signer = signer;
		this.clock = clock;
		this.namespace = namespace;
		this.signaturePurpose = signaturePurpose;
		this.recordType = recordType;
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
	 * Store a token with its record.
	 * @param token the raw token
	 * @param record makes the record from the instant the token expires
	 * @return the signed token, for the link
	 */
	public String issue(String token, Function<Instant, T> record) {
		put(token, record.apply(this.clock.instant().plus(this.ttl)), this.ttl);
		return this.signer.sign(this.signaturePurpose, token);
	}

	/**
	 * Look a signed token up without using it.
	 * @param signedToken the token from the link
	 * @return its record, or empty for an invalid, tampered, expired or used token, or one
	 * signed for another purpose
	 */
	public Optional<T> find(String signedToken) {
		return this.signer.verify(this.signaturePurpose, signedToken).flatMap(this::record);
	}

	/**
	 * Use a signed token up. Only one caller can consume a token.
	 * @param signedToken the token from the link
	 * @return the consumed token, or empty when it was invalid, expired or already used
	 */
	public Optional<Consumed<T>> consume(String signedToken) {
		Optional<String> token = this.signer.verify(this.signaturePurpose, signedToken);
		Optional<T> record = token.flatMap(this::record);
		if (record.isEmpty() || !this.store.delete(this.namespace, TokenHashes.sha256(token.get()))) {
			return Optional.empty();
		}
		return Optional.of(new Consumed<>(token.get(), record.get()));
	}

	/**
	 * Put a consumed token back, for when what it was used for did not go through. It
	 * keeps its expiry; a token expired since is not put back.
	 * @param consumed the consumed token
	 */
	public void restore(Consumed<T> consumed) {
		Duration remaining = Duration.between(this.clock.instant(), consumed.record().expiresAt());
		if (!remaining.isNegative() && !remaining.isZero()) {
			put(consumed.token(), consumed.record(), remaining);
		}
	}

	/**
	 * Delete every outstanding token of a user. Without a
	 * {@link PrincipalIndexedPowStore} the tokens cannot be found, and run out with
	 * their TTL.
	 * @param userId the user's primary key
	 */
	public void revokeAll(Long userId) {
		if (this.store instanceof PrincipalIndexedPowStore indexed) {
			indexed.findKeysByPrincipal(this.namespace, principal(userId))
				.forEach((key) -> indexed.delete(this.namespace, key));
		}
	}

	private Optional<T> record(String token) {
		return this.store.get(this.namespace, TokenHashes.sha256(token), this.recordType)
			.filter((record) -> record.expiresAt().isAfter(this.clock.instant()));
	}

	private void put(String token, T record, Duration ttl) {
		String key = TokenHashes.sha256(token);
		if (this.store instanceof PrincipalIndexedPowStore indexed) {
			indexed.put(this.namespace, key, record, ttl, principal(record.userId()));
		}
		else {
			this.store.put(this.namespace, key, record, ttl);
		}
	}

	private static String principal(Long userId) {
		return String.valueOf(userId);
	}

	/**
	 * What the store keeps for a token: at least the user it is for and when it stops
	 * working. Implemented by plain records, which the store may keep as JSON.
	 */
	public interface TokenRecord {

		/**
		 * Return the primary key of the user the token is for.
		 * @return the user id
		 */
		Long userId();

		/**
		 * Return when the token stops working.
		 * @return the expiry
		 */
		Instant expiresAt();

	}

	/**
	 * A token taken out of the store.
	 *
	 * @param <T> the type of record kept for a token
	 * @param token the raw token
	 * @param record what the store kept for it
	 */
	public record Consumed<T extends TokenRecord>(String token, T record) {

	}

}
