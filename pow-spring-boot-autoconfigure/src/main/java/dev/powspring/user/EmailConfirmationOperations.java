package dev.powspring.user;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the email confirmation extension offers the rest of Pow, such as the admin console:
 * when users confirmed their address, and a new confirmation link on demand. The extension
 * declares the bean; without it there is none, and nothing is confirmed or mailed.
 */
public interface EmailConfirmationOperations {

	/**
	 * Return when each of the given users confirmed their email address.
	 * @param userIds the users' primary keys
	 * @return the confirmation times of those who have confirmed; the others are absent
	 */
	Map<Long, Instant> confirmedAt(Collection<Long> userIds);

	/**
	 * Mail the user a new confirmation link, when their address waits for confirmation and
	 * the account is not locked.
	 * @param request the request, for the link's host and the mail's locale
	 * @param user the user
	 * @return whether a link went out
	 */
	boolean sendConfirmationLink(HttpServletRequest request, PowUser user);

	/**
	 * Mark the user's current address confirmed, as following a confirmation link would,
	 * for a flow that proved control of the address another way (a mailed sign-in link).
	 * A pending change of address stays pending; an address already confirmed stays as it
	 * is.
	 * @param user the user
	 * @return the user as now stored
	 */
	PowUser confirm(PowUser user);

}
