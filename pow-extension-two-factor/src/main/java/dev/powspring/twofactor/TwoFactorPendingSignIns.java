package dev.powspring.twofactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.powspring.session.SignInMethod;
import dev.powspring.store.PowStore;
import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

/**
 * Pending half-sessions: a user whose password (or other first factor) was right, waiting
 * for the second. A half-session is a random token, handed to the client signed (in a
 * cookie, or in an API answer), whose SHA-256 hash keys a short-lived store entry with
 * the user, how the user signed in, and whether remember-me was asked. It is no session:
 * nothing but the code page and the API's code endpoint reads it.
 */
public class TwoFactorPendingSignIns {

	static final String NAMESPACE = "two_factor_pending";

	private static final String SIGNATURE_PURPOSE = "two_factor_pending";

	private final PowStore store;

	private final TokenSigner signer;

	private final Clock clock;

	private final Duration ttl;

	private final int maxAttempts;

	/**
	 * Create an instance.
	 * @param store where half-sessions live
	 * @param signer signs the tokens
	 * @param clock the clock for expiry
	 * @param ttl how long a half-session waits for its code
	 * @param maxAttempts how many wrong codes a half-session takes before it ends
	 */
	public TwoFactorPendingSignIns(PowStore store, TokenSigner signer, Clock clock, Duration ttl, int maxAttempts) {
		this.store = store;
		this.signer = signer;
		this.clock = clock;
		this.ttl = ttl;
		this.maxAttempts = maxAttempts;
	}

	/**
	 * Start a half-session.
	 * @param userId the user's primary key
	 * @param method how the user signed in
	 * @param persistent whether the user asked to stay signed in
	 * @param enrolment whether the user must first set two-factor sign-in up
	 * @return the signed token
	 */
	public String start(Long userId, SignInMethod method, boolean persistent, boolean enrolment) {
		return start(userId, method, persistent, enrolment, null);
	}

	/**
	 * Start a half-session that goes on to a given page once complete.
	 * @param userId the user's primary key
	 * @param method how the user signed in
	 * @param persistent whether the user asked to stay signed in
	 * @param enrolment whether the user must first set two-factor sign-in up
	 * @param requestPath the local page the user asked for before signing in, or
	 * {@code null}
	 * @return the signed token
	 */
	public String start(Long userId, SignInMethod method, boolean persistent, boolean enrolment,
			String requestPath) {
		String token = TokenSigner.randomToken();
		Pending pending = new Pending(userId, method.name(), persistent, enrolment, 0,
				this.clock.instant().plus(this.ttl), requestPath);
		this.store.put(NAMESPACE, TokenHashes.sha256(token), pending, this.ttl);
		return this.signer.sign(SIGNATURE_PURPOSE, token);
	}

	/**
	 * Look a half-session up.
	 * @param signedToken the token from the client
	 * @return the half-session, or empty for an invalid, tampered, expired or finished one
	 */
	public Optional<Found> find(String signedToken) {
		return this.signer.verify(SIGNATURE_PURPOSE, signedToken)
			.map(TokenHashes::sha256)
			.flatMap((key) -> this.store.get(NAMESPACE, key, Pending.class).map((pending) -> new Found(key, pending)));
	}

	/**
	 * Count a wrong code; the half-session ends at the limit.
	 * @param found the half-session
	 * @return {@code true} when it ended
	 */
	public boolean failedAttempt(Found found) {
		Pending pending = found.pending();
		int attempts = pending.attempts() + 1;
		Duration remaining = Duration.between(this.clock.instant(), pending.expiresAt());
		if (attempts >= this.maxAttempts || remaining.isNegative() || remaining.isZero()) {
			this.store.delete(NAMESPACE, found.key());
			return true;
		}
		this.store.put(NAMESPACE, found.key(), new Pending(pending.userId(), pending.method(), pending.persistent(),
				pending.enrolment(), attempts, pending.expiresAt(), pending.requestPath()), remaining);
		return false;
	}

	/**
	 * Finish a half-session; only one caller can.
	 * @param found the half-session
	 * @return {@code true} when this call finished it
	 */
	public boolean consume(Found found) {
		return this.store.delete(NAMESPACE, found.key());
	}

	/**
	 * What the store keeps for a half-session.
	 *
	 * @param userId the user's primary key
	 * @param method the name of the sign-in method of the first factor
	 * @param persistent whether the user asked to stay signed in
	 * @param enrolment whether the user must set two-factor sign-in up first
	 * @param attempts the wrong codes so far
	 * @param expiresAt when the half-session ends
	 * @param requestPath the local page to go on to once signed in, or {@code null}
	 */
	public record Pending(Long userId, String method, boolean persistent, boolean enrolment, int attempts,
			Instant expiresAt, String requestPath) {

		/**
		 * Return the first factor's method, completed by the second.
		 * @return the method, multi-factor
		 */
		public SignInMethod completedMethod() {
			return new SignInMethod(this.method, false).withSecondFactor();
		}

	}

	/**
	 * A half-session found in the store.
	 *
	 * @param key its store key
	 * @param pending what the store keeps
	 */
	public record Found(String key, Pending pending) {

	}

}
