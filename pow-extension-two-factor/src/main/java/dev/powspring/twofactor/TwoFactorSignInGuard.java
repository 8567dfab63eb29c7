package dev.powspring.twofactor;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.powspring.session.PowSignInGuard;
import dev.powspring.session.SignInAttempt;
import dev.powspring.session.SignInMethod;
import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;

/**
 * Refuses a session to a user with two-factor sign-in whose sign-in has proved one factor
 * only, and to a user of a role that must have it but has not set it up. A multi-factor
 * sign-in (a passkey, a remember-me cookie, an API renewal, a code just typed), a reissue
 * of the user's own session, and a sign-in from a remembered device pass. It runs after
 * the locked-account and email-confirmation guards, so a locked or unconfirmed user is
 * told that rather than asked for a code.
 */
public class TwoFactorSignInGuard implements PowSignInGuard, Ordered {

	/** The reason code when a code is needed. */
	public static final String TWO_FACTOR_REQUIRED = "two_factor_required";

	/** The reason code when the user must set two-factor sign-in up first. */
	public static final String ENROLMENT_REQUIRED = "two_factor_enrolment_required";

	/** Runs last: guards of the same order keep the order of their auto-configurations. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	private static final String METHOD_ATTRIBUTE = TwoFactorSignInGuard.class.getName() + ".method";

	private final TwoFactors twoFactors;

	private final TwoFactorRememberedDevices devices;

	private final Set<String> requiredRoles;

	/**
	 * Create an instance.
	 * @param twoFactors the users' two-factor state
	 * @param devices the remembered devices
	 * @param requiredRoles the roles that must have two-factor sign-in
	 */
	public TwoFactorSignInGuard(TwoFactors twoFactors, TwoFactorRememberedDevices devices, Set<String> requiredRoles) {
		this.twoFactors = twoFactors;
		this.devices = devices;
		this.requiredRoles = Set.copyOf(requiredRoles);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public String refusal(PowUser user) {
		// Without knowing how the user signs in, assume one factor.
		return refusal(user, SignInAttempt.of(SignInMethod.PASSWORD, null));
	}

	@Override
	public String refusal(PowUser user, SignInAttempt attempt) {
		if (attempt.reissue() || attempt.method().multiFactor()) {
			return null;
		}
		Optional<Instant> enabledAt = this.twoFactors.enabledAt(user.getId());
		String refusal = null;
		if (enabledAt.isPresent()) {
			if (!this.devices.remembered(attempt.request(), user.getId(), enabledAt.get())) {
				refusal = TWO_FACTOR_REQUIRED;
			}
		}
		else if (user.getRoles() != null && user.getRoles().stream().anyMatch(this.requiredRoles::contains)) {
			refusal = ENROLMENT_REQUIRED;
		}
		if (refusal != null && attempt.request() != null) {
			// For the callback that starts the half-session: how the first factor went.
			attempt.request().setAttribute(METHOD_ATTRIBUTE, attempt.method());
		}
		return refusal;
	}

	/**
	 * Report none of this guard's refusals as a failed sign-in: a code still to give, or
	 * a setup still to do, is the next step of a sign-in whose first factor was right.
	 * A wrong code is reported where it is checked.
	 * @param refusal a reason code this guard gave
	 * @return {@code null}
	 */
	@Override
	public String failureReason(String refusal) {
		return null;
	}

	/**
	 * Return the method of the sign-in this guard refused during the request.
	 * @param request the request
	 * @return the method, or empty
	 */
	static Optional<SignInMethod> refusedMethod(HttpServletRequest request) {
		return (request.getAttribute(METHOD_ATTRIBUTE) instanceof SignInMethod method) ? Optional.of(method)
				: Optional.empty();
	}

}
