package dev.powspring.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.powspring.session.PowSessions;
import dev.powspring.session.RenewalTokens;
import dev.powspring.session.RenewalTokens.Found;
import dev.powspring.session.RenewalTokens.RenewalToken;
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

	/**
	 * Create an instance.
	 * @param access the access tokens
	 * @param renewal the renewal tokens
	 */
	public ApiTokens(PowSessions access, RenewalTokens renewal) {
		this.access = access;
		this.renewal = renewal;
	}

	/**
	 * Issue a pair for a new sign-in.
	 * @param user the signed-in user
	 * @return the pair
	 */
	public TokenPair issue(PowUser user) {
		PowSessions.Issued issued = this.access.start(user, null, Map.of(), null);
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
		PowSessions.Issued issued = this.access.start(user, claimed.fingerprint(), claimed.metadata(), null);
		return new TokenPair(issued.signedToken(), this.renewal.issueReplacement(claimed));
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
