package dev.powspring.session;

import dev.powspring.user.PowUser;

/**
 * Decides whether a user may have a session at all. Every sign-in, whichever controller
 * or service asks for it, goes through {@link PowSessionManager#create}, which asks every
 * guard bean first; so a rule such as "unconfirmed users cannot sign in" cannot be
 * bypassed by a custom controller.
 */
@FunctionalInterface
public interface PowSignInGuard {

	/**
	 * Tell why the user may not sign in.
	 * @param user the user about to get a session
	 * @return a reason code, such as {@code email_unconfirmed}, or {@code null} to allow
	 */
	String refusal(PowUser user);

}
