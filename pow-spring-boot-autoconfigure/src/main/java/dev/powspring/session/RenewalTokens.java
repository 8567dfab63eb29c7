package dev.powspring.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.powspring.store.PrincipalIndexedPowStore;
import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

/**
 * Long-lived tokens that start new sessions and are replaced each time they do: the
 * remember-me cookie, and the renewal token of API clients. Each is signed for one purpose,
 * kept in the store only as its SHA-256 hash, indexed by user so that all of a user's can
 * be revoked at once, and works once: a replaced token keeps its record, marked, so that
 * presenting it again after a short grace period is recognized as theft.
 */
public class RenewalTokens {

	private final PrincipalIndexedPowStore store;

	private final TokenSigner signer;

	private final Clock clock;

	private final String namespace;

	private final String signaturePurpose;

	private final Duration ttl;

	private final Duration rotationGrace;

	/**
	 * Create an instance.
	 * @param store where the tokens live
	 * @param signer signs tokens before they leave
	 * @param clock the clock for expiry and grace
	 * @param namespace the store namespace of this kind of token
	 * @param signaturePurpose the purpose its tokens are signed for
	 * @param ttl how long a token lives from its sign-in
	 * @param rotationGrace how long a replaced token keeps working, for concurrent requests
	 */
	public RenewalTokens(PrincipalIndexedPowStore store, TokenSigner signer, Clock clock, String namespace,
			String signaturePurpose, Duration ttl, Duration rotationGrace) {
		this.store = store;
		this.signer = signer;
		this.clock = clock;
		this.namespace = namespace;
		this.signaturePurpose = signaturePurpose;
		this.ttl = ttl;
		this.rotationGrace = rotationGrace;
	}

	/**
	 * Issue a token for a sign-in.
	 * @param userId the user's primary key
	 * @param fingerprint the fingerprint of the sessions it starts
	 * @param metadata the metadata of those sessions
	 * @param startedAt when the sign-in happened, kept by the sessions it starts
	 * @return the signed token
	 */
	public String issue(Long userId, String fingerprint, Map<String, String> metadata, Instant startedAt) {
		return store(new RenewalToken(userId, fingerprint, metadata, this.clock.instant().plus(this.ttl), null,
				startedAt));
	}

	/**
	 * Issue the token that replaces one just used. It expires when the first token of its
	 * sign-in does: replacing keeps a stolen token from being replayed, and never makes a
	 * sign-in live longer than the lifetime from its password check.
	 * @param replaced the token being replaced
	 * @return the signed token
	 */
	public String issueReplacement(RenewalToken replaced) {
		return store(new RenewalToken(replaced.userId(), replaced.fingerprint(), replaced.metadata(),
				replaced.expiresAt(), null, replaced.startedAt()));
	}

	/**
	 * Return how long a token has left.
	 * @param record the token's record
	 * @return the time until it expires, zero when it has
	 */
	public Duration remaining(RenewalToken record) {
		Duration remaining = Duration.between(this.clock.instant(), record.expiresAt());
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	private String store(RenewalToken record) {
		String token = TokenSigner.randomToken();
		this.store.put(this.namespace, TokenHashes.sha256(token), record, remaining(record),
				principal(record.userId()));
		return this.signer.sign(this.signaturePurpose, token);
	}

	/**
	 * Look up a token.
	 * @param signedToken the token as the client sent it
	 * @return the token and its record, or empty for an unsigned, tampered, expired or
	 * revoked token, or one signed for another purpose
	 */
	public Optional<Found> find(String signedToken) {
		return this.signer.verify(this.signaturePurpose, signedToken)
			.map(TokenHashes::sha256)
			.flatMap((key) -> this.store.get(this.namespace, key, RenewalToken.class)
				.map((record) -> new Found(key, record)));
	}

	/**
	 * Claim the right to replace a token. Of several concurrent requests with the same
	 * token, one wins; the token is then marked as replaced but keeps its record.
	 * @param found the token
	 * @return whether this caller replaces it
	 */
	public boolean claimRotation(Found found) {
		if (!this.store.putIfAbsent(this.namespace + "_rotation", found.key(), Boolean.TRUE, this.rotationGrace)) {
			return false;
		}
		Duration remaining = remaining(found.record());
		if (remaining.isZero()) {
			return false;
		}
		this.store.put(this.namespace, found.key(), found.record().rotated(this.clock.instant()), remaining,
				principal(found.record().userId()));
		return true;
	}

	/**
	 * Return whether a replaced token is still within its grace period.
	 * @param record the token's record
	 * @return {@code true} while it may still be used
	 */
	public boolean withinGrace(RenewalToken record) {
		return this.clock.instant().isBefore(record.rotatedAt().plus(this.rotationGrace));
	}

	/**
	 * Delete one token.
	 * @param signedToken the token as the client sent it
	 */
	public void delete(String signedToken) {
		this.signer.verify(this.signaturePurpose, signedToken)
			.ifPresent((token) -> this.store.delete(this.namespace, TokenHashes.sha256(token)));
	}

	/**
	 * Delete every token of a user with the given fingerprint: those of one sign-in.
	 * @param userId the user's primary key
	 * @param fingerprint the sign-in's fingerprint
	 */
	public void deleteWithFingerprint(Long userId, String fingerprint) {
		for (String key : this.store.findKeysByPrincipal(this.namespace, principal(userId))) {
			this.store.get(this.namespace, key, RenewalToken.class)
				.filter((record) -> fingerprint.equals(record.fingerprint()))
				.ifPresent((record) -> this.store.delete(this.namespace, key));
		}
	}

	/**
	 * Return the user's tokens that still work, replaced ones left out.
	 * @param userId the user's primary key
	 * @return the tokens' records
	 */
	public List<RenewalToken> live(Long userId) {
		List<RenewalToken> live = new ArrayList<>();
		for (String key : this.store.findKeysByPrincipal(this.namespace, principal(userId))) {
			this.store.get(this.namespace, key, RenewalToken.class)
				.filter((record) -> record.rotatedAt() == null)
				.ifPresent(live::add);
		}
		return live;
	}

	/**
	 * Return the fingerprint of the sign-in a token belongs to.
	 * @param signedToken the token as the client sent it
	 * @return the fingerprint, or empty for a token that does not work
	 */
	public Optional<String> fingerprintOf(String signedToken) {
		return find(signedToken).map((found) -> found.record().fingerprint());
	}

	/**
	 * Delete every token of a user.
	 * @param userId the user's primary key
	 */
	public void revokeAll(Long userId) {
		for (String key : this.store.findKeysByPrincipal(this.namespace, principal(userId))) {
			this.store.delete(this.namespace, key);
		}
	}

	/**
	 * Return how long a token lives from its sign-in.
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
	 * @param fingerprint the fingerprint of the sessions it starts
	 * @param metadata the metadata of those sessions
	 * @param expiresAt when the token stops working
	 * @param rotatedAt when the token was replaced, or {@code null}
	 * @param startedAt when its sign-in happened ({@code null} in records written before it
	 * was kept)
	 */
	public record RenewalToken(Long userId, String fingerprint, Map<String, String> metadata, Instant expiresAt,
			Instant rotatedAt, Instant startedAt) {

		public RenewalToken {
			metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
		}

		RenewalToken rotated(Instant when) {
			return new RenewalToken(this.userId, this.fingerprint, this.metadata, this.expiresAt, when,
					this.startedAt);
		}

	}

	/**
	 * A token found in the store.
	 *
	 * @param key its hash, the store key
	 * @param record what the store keeps for it
	 */
	public record Found(String key, RenewalToken record) {

	}

}
