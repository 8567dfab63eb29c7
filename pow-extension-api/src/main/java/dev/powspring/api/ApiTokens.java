package dev.powspring.api;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.powspring.session.PowSessions;
import dev.powspring.session.RenewalTokens;
import dev.powspring.session.RenewalTokens.Found;
import dev.powspring.session.RenewalTokens.RenewalToken;
import dev.powspring.session.SessionMetadata;
import dev.powspring.session.SessionRecord;
import dev.powspring.user.PowUser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The tokens of API clients: a short-lived access token, which is a session of
 * {@link PowSessions} carried in the {@code Authorization} header, and a renewal token
 * ({@link RenewalTokens}) that exchanges the pair for a new one, once. Both belong to one
 * sign-in, named by its fingerprint, so that renewing or signing out ends the pair.
 */
public class ApiTokens {

	private static final Log logger = LogFactory.getLog(ApiTokens.class);

	private final PowSessions access;

	private final RenewalTokens renewal;

	private final Clock clock;

	/**
	 * Create an instance whose renewals leave the last-seen time of a sign-in as it was.
	 * @param access the access tokens
	 * @param renewal the renewal tokens
	 */
	public ApiTokens(PowSessions access, RenewalTokens renewal) {
		this(access, renewal, null);
	}

	/**
	 * Create an instance.
	 * @param access the access tokens
	 * @param renewal the renewal tokens
	 * @param clock the clock for the last-seen time a renewal records, or {@code null} to
	 * record none
	 */
	public ApiTokens(PowSessions access, RenewalTokens renewal, Clock clock) {
		this.access = access;
		this.renewal = renewal;
		this.clock = clock;
	}

	/**
	 * Issue a pair for a new sign-in, with no metadata.
	 * @param user the signed-in user
	 * @return the pair
	 */
	public TokenPair issue(PowUser user) {
		return issue(user, Map.of());
	}

	/**
	 * Issue a pair for a new sign-in.
	 * @param user the signed-in user
	 * @param metadata what the sign-in recorded ({@link SessionMetadata}), kept by both
	 * tokens and by the pairs that replace them
	 * @return the pair
	 */
	public TokenPair issue(PowUser user, Map<String, String> metadata) {
		PowSessions.Issued issued = this.access.start(user, null, metadata, null);
		SessionRecord session = issued.record();
		return new TokenPair(issued.signedToken(),
				this.renewal.issue(user.getId(), session.fingerprint(), session.metadata(), session.startedAt()));
	}

	/**
	 * Find the user of an access token.
	 * @param signedToken the token as the client sent it
	 * @return the user, or empty for a token that is not a live access token
	 */
	public Optional<PowUser> authenticate(String signedToken) {
		return this.access.keyOf(signedToken)
			.flatMap(this.access::find)
			.filter((found) -> !this.access.beyondAbsoluteLifetime(found.record()))
			.flatMap(PowSessions.Found::user);
	}

	/**
	 * Claim a renewal token for an exchange. A token claimed before is refused; claimed
	 * again after the grace period it is taken as stolen, and {@code onTheft} runs with
	 * its user.
	 * @param signedToken the renewal token as the client sent it
	 * @param onTheft what to do with the user of a stolen token
	 * @return the claimed token, or empty when it cannot renew
	 */
	public Optional<RenewalToken> claim(String signedToken, Consumer<Long> onTheft) {
		Optional<Found> found = this.renewal.find(signedToken);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RenewalToken record = found.get().record();
		if (record.rotatedAt() != null) {
			if (!this.renewal.withinGrace(record)) {
				logger.warn("A used API renewal token of user " + record.userId()
						+ " was presented again; revoking every API token and session of the user");
				onTheft.accept(record.userId());
			}
			return Optional.empty();
		}
		if (this.renewal.remaining(record).isZero() || !this.renewal.claimRotation(found.get())) {
			return Optional.empty();
		}
		return Optional.of(record);
	}

	/**
	 * Issue the pair that replaces a claimed one: the old access token ends, and the new
	 * renewal token expires when the first of its sign-in does. As with remember-me, the
	 * new access token starts a session of its own; the renewal token's lifetime, never
	 * extended, bounds the whole sign-in.
	 * @param claimed the claimed renewal token
	 * @param user its user, as now stored
	 * @return the new pair
	 */
	public TokenPair replace(RenewalToken claimed, PowUser user) {
		this.access.deleteWithFingerprint(claimed.userId(), claimed.fingerprint());
		RenewalToken seen = seenNow(claimed);
		PowSessions.Issued issued = this.access.start(user, seen.fingerprint(), seen.metadata(), null);
		return new TokenPair(issued.signedToken(), this.renewal.issueReplacement(seen));
	}

	// A renewal is the API's rotation: the coarse last-seen time moves then, as a session's does.
	private RenewalToken seenNow(RenewalToken claimed) {
		if (this.clock == null || claimed.metadata().isEmpty()) {
			return claimed;
		}
		Map<String, String> metadata = new HashMap<>(claimed.metadata());
		metadata.put(SessionMetadata.LAST_SEEN_AT, this.clock.instant().toString());
		return new RenewalToken(claimed.userId(), claimed.fingerprint(), metadata, claimed.expiresAt(),
				claimed.rotatedAt(), claimed.startedAt());
	}

	/**
	 * Sign out the sign-in an access token belongs to: its access and renewal tokens end.
	 * @param signedToken the access token as the client sent it
	 */
	public void signOut(String signedToken) {
		this.access.keyOf(signedToken).flatMap((key) -> this.access.get(key).map((record) -> {
			this.access.delete(key);
			return record;
		})).ifPresent((record) -> {
			this.access.deleteWithFingerprint(record.userId(), record.fingerprint());
			this.renewal.deleteWithFingerprint(record.userId(), record.fingerprint());
		});
	}

	/**
	 * Return the user's sign-ins over the API that can still renew, one renewal token
	 * each.
	 * @param userId the user's primary key
	 * @return the live renewal tokens' records
	 */
	public List<RenewalToken> live(Long userId) {
		return this.renewal.live(userId);
	}

	/**
	 * Return the fingerprint of the sign-in an access token belongs to.
	 * @param signedToken the access token as the client sent it
	 * @return the fingerprint, or empty for a token that is not a live access token
	 */
	public Optional<String> fingerprintOf(String signedToken) {
		return this.access.keyOf(signedToken).flatMap(this.access::get).map(SessionRecord::fingerprint);
	}

	/**
	 * End one sign-in of a user: its access and renewal tokens stop working.
	 * @param userId the user's primary key
	 * @param fingerprint the sign-in's fingerprint
	 */
	public void end(Long userId, String fingerprint) {
		this.access.deleteWithFingerprint(userId, fingerprint);
		this.renewal.deleteWithFingerprint(userId, fingerprint);
	}

	/**
	 * End every API token of a user.
	 * @param userId the user's primary key
	 */
	public void revokeAll(Long userId) {
		this.access.deleteAll(userId);
		this.renewal.revokeAll(userId);
	}

	/**
	 * An access token and the renewal token that replaces it.
	 *
	 * @param accessToken signs requests in, in the {@code Authorization} header
	 * @param renewalToken exchanges the pair for a new one, once
	 */
	public record TokenPair(String accessToken, String renewalToken) {

	}

}
