package dev.powspring.twofactor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.throttle.PowLimit;
import dev.powspring.throttle.PowThrottle;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The second step of a sign-in, for the code page and the API alike: check the code of a
 * pending half-session (or, for a forced enrolment, the first code of the new secret),
 * count a wrong one for the half-session and for the account's sign-in throttle, and use
 * the half-session up when the code was right.
 * <p>
 * Wrong codes also count in a bucket of their own per user, which a right password does
 * not empty (it empties the account's sign-in failures): someone who knows the password
 * cannot guess codes without limit by signing in again and again.
 * <p>
 * A wrong code, and an attempt the throttle refuses, is published as a
 * {@link PowAuthEventType#SIGN_IN_FAILED} (reason {@code second_factor} or
 * {@code throttled}) here, for the code page and the API alike, as is a forced enrolment
 * finished ({@link PowAuthEventType#TWO_FACTOR_ENABLED}); the completed sign-in is
 * published by whoever makes its session or tokens.
 */
public class TwoFactorChallenges {

	private final TwoFactors twoFactors;

	private final TwoFactorPendingSignIns pending;

	private final PowUsersService users;

	private final SignInThrottle signInThrottle;

	private final ApplicationEventPublisher events;

	static final String CODE_BUCKET = "two_factor_code";

	private PowThrottle throttle;

	private PowLimit codeLimit;

	private PowAuthEvents authEvents;

	/**
	 * Create an instance.
	 * @param twoFactors the users' two-factor state
	 * @param pending the half-sessions
	 * @param users the users
	 * @param signInThrottle the account's sign-in throttle, or {@code null} when throttling
	 * is off
	 * @param events publishes {@link TwoFactorEnabledEvent}s
	 */
	public TwoFactorChallenges(TwoFactors twoFactors, TwoFactorPendingSignIns pending, PowUsersService users,
			SignInThrottle signInThrottle, ApplicationEventPublisher events) {
		this.twoFactors = twoFactors;
		this.pending = pending;
		this.users = users;
		this.signInThrottle = signInThrottle;
		this.events = events;
	}

	/**
	 * Limit wrong codes per user, whatever the half-session.
	 * @param throttle counts the attempts
	 * @param codeLimit the limit
	 */
	public void setCodeThrottle(PowThrottle throttle, PowLimit codeLimit) {
		this.throttle = throttle;
		this.codeLimit = codeLimit;
	}

	/**
	 * Publish wrong codes, refused attempts and finished enrolments as auth events.
	 * @param authEvents the publisher
	 */
	public void setAuthEvents(PowAuthEvents authEvents) {
		this.authEvents = authEvents;
	}

	/**
	 * Check a code for a half-session.
	 * @param request the request
	 * @param response the response, which may carry the throttle's device cookie
	 * @param found the half-session
	 * @param code the code: TOTP or recovery code, or the first code of an enrolment
	 * @return the outcome
	 */
	public Outcome check(HttpServletRequest request, HttpServletResponse response,
			TwoFactorPendingSignIns.Found found, String code) {
		Optional<PowUser> user = this.users.getById(found.pending().userId());
		if (user.isEmpty()) {
			this.pending.consume(found);
			return new Outcome(Status.ENDED, null, null, null, null);
		}
		// Reserved before the code is checked, so parallel guesses share the account's limit.
		Optional<SignInThrottle.Attempt> attempt = Optional.ofNullable(this.signInThrottle)
			.map((throttle) -> throttle.reserve(request, user.get().getUserId()));
		Optional<PowThrottle.Reservation> codes = Optional.ofNullable(this.throttle)
			.map((throttle) -> throttle.reserve(this.codeLimit, CODE_BUCKET, String.valueOf(user.get().getId())));
		boolean codeSpent = false;
		try {
			Optional<Duration> refused = attempt.flatMap(SignInThrottle.Attempt::refusedFor)
				.or(() -> codes.flatMap(PowThrottle.Reservation::refusedFor));
			if (refused.isPresent()) {
				failed(request, user.get(), found.pending(), PowAuthEvent.THROTTLED);
				return new Outcome(Status.THROTTLED, user.get(), null, null, refused.get());
			}
			List<String> recoveryCodes = null;
			TwoFactors.Verification verification;
			if (found.pending().enrolment()) {
				recoveryCodes = this.twoFactors.confirmEnrolment(user.get().getId(), code).orElse(null);
				verification = (recoveryCodes != null) ? TwoFactors.Verification.TOTP : TwoFactors.Verification.INVALID;
			}
			else {
				verification = this.twoFactors.verify(user.get().getId(), code);
			}
			if (!verification.succeeded()) {
				attempt.ifPresent(SignInThrottle.Attempt::failed);
				codes.ifPresent(PowThrottle.Reservation::spend);
				codeSpent = true;
				failed(request, user.get(), found.pending(), PowAuthEvent.SECOND_FACTOR);
				boolean ended = this.pending.failedAttempt(found);
				return new Outcome(ended ? Status.ENDED : Status.WRONG, user.get(), null, null, null);
			}
			if (!this.pending.consume(found)) {
				// Another request with the same half-session finished it first.
				return new Outcome(Status.ENDED, user.get(), null, null, null);
			}
			attempt.ifPresent((reserved) -> reserved.succeeded(response));
			if (this.throttle != null) {
				this.throttle.clear(CODE_BUCKET, String.valueOf(user.get().getId()));
			}
			if (recoveryCodes != null) {
				this.events.publishEvent(new TwoFactorEnabledEvent(this, user.get().getId()));
				if (this.authEvents != null) {
					this.authEvents.of(PowAuthEventType.TWO_FACTOR_ENABLED, user.get()).publish(request);
				}
			}
			return new Outcome(Status.PASSED, user.get(), verification, recoveryCodes, null);
		}
		finally {
			attempt.ifPresent(SignInThrottle.Attempt::release);
			if (!codeSpent) {
				codes.ifPresent(PowThrottle.Reservation::giveBack);
			}
		}
	}

	private void failed(HttpServletRequest request, PowUser user, TwoFactorPendingSignIns.Pending pending,
			String reason) {
		if (this.authEvents != null) {
			this.authEvents.of(PowAuthEventType.SIGN_IN_FAILED, user)
				.detail(PowAuthEvent.METHOD, pending.method())
				.detail(PowAuthEvent.REASON, reason)
				.publish(request);
		}
	}

	/**
	 * How a code check ended.
	 */
	public enum Status {

		/** The code was right; the half-session is used up. */
		PASSED,

		/** The code was wrong; the half-session takes more. */
		WRONG,

		/** The half-session is over: expired, used, or too many wrong codes. */
		ENDED,

		/** The account's sign-in throttle refused the attempt. */
		THROTTLED

	}

	/**
	 * The outcome of a code check.
	 *
	 * @param status how it ended
	 * @param user the user of the half-session, or {@code null} when it had none
	 * @param verification what the right code was, or {@code null}
	 * @param recoveryCodes the new recovery codes of a finished enrolment, or {@code null}
	 * @param retryAfter how long until the throttle allows attempts, or {@code null}
	 */
	public record Outcome(Status status, PowUser user, TwoFactors.Verification verification,
			List<String> recoveryCodes, Duration retryAfter) {

	}

}
