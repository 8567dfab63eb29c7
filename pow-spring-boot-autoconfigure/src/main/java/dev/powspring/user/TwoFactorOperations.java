package dev.powspring.user;

import java.util.Collection;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the two-factor extension offers the rest of Pow, such as the admin console: which
 * users have a second factor on, and turning it off for one. The extension declares the
 * bean; without it there is none.
 */
public interface TwoFactorOperations {

	/**
	 * Return which of the given users have two-factor sign-in on.
	 * @param userIds the users' primary keys
	 * @return the primary keys of those with it on
	 */
	Set<Long> enabledAmong(Collection<Long> userIds);

	/**
	 * Turn two-factor sign-in off for a user, discarding the secret and recovery codes,
	 * as an administrator does for a user who lost every device.
	 * @param user the user
	 * @param request the request of whoever turns it off, for the event it publishes
	 * @return whether it was on
	 */
	boolean disable(PowUser user, HttpServletRequest request);

}
