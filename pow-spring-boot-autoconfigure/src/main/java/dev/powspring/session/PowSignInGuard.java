package dev.powspring.session;

import dev.powspring.user.PowUser;

/**
 * Decides whether a user may have a session at all. Every sign-in, whichever controller
 * or service asks for it, goes through {@link PowSessionManager#create}, which asks every
 * guard bean first, in order; so a rule such as "unconfirmed users cannot sign in" cannot
 * be bypassed by a custom controller.
 */
@FunctionalInterface
public interface PowSignInGuard {

	/**
	 * Tell why the user may not sign in, whatever the way.
	 * @param user the user about to get a session
	 * @return a reason code, such as {@code email_unconfirmed}, or {@code null} to allow
	 */
	String refusal(PowUser user);

	/**
	 * Tell why the user may not sign in this way; the session manager always asks this.
	 * Override it for a rule that depends on how the user signs in, such as a second
	 * factor that a passkey already satisfies.
	 * @param user the user about to get a session
	 * @param attempt how the user signs in
	 * @return a reason code, or {@code null} to allow
	 */
	default String refusal(PowUser user, SignInAttempt attempt) {
		return refusal(user);
	}

	/**
	 * Tell how one of this guard's refusals is reported as a failed sign-in (the
	 * {@code reason} of a {@code sign_in_failed} event).
	 * @param refusal a reason code this guard gave
	 * @return the failure's reason, such as {@code locked}, or {@code null} when the
	 * refusal is a step of the sign-in rather than a failure, as a second factor still
	 * to give is; the refusal code itself by default
	 */
	default String failureReason(String refusal) {
		return refusal;
	}

}
