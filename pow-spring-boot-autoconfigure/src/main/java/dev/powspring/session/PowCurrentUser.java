package dev.powspring.session;

import java.util.Optional;

import dev.powspring.realm.PowRealm;
import dev.powspring.user.PowUser;
import jakarta.servlet.ServletRequest;

/**
 * Access to the signed-in user of a request. Pow resolves it once per request and keeps
 * it in the request attribute {@value #ATTRIBUTE}, which templates read as
 * {@code ${currentUser}}.
 */
public final class PowCurrentUser {

	/** Name of the request attribute holding the signed-in user. */
	public static final String ATTRIBUTE = "currentUser";

	private PowCurrentUser() {
	}

	/**
	 * Return the signed-in user of the request.
	 * @param request the request
	 * @return the user, or empty for an anonymous request
	 */
	public static Optional<PowUser> get(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof PowUser user) ? Optional.of(user) : Optional.empty();
	}

	/**
	 * Return the signed-in user of a realm: the request's user when the request belongs to
	 * that realm, since a session of one realm is anonymous in another.
	 * @param request the request
	 * @param realm the realm's name, or empty for the request's realm
	 * @return the user, or empty
	 */
	public static Optional<PowUser> get(ServletRequest request, String realm) {
		if (realm != null && !realm.isEmpty() && !realm.equals(PowRealm.of(request))) {
			return Optional.empty();
		}
		return get(request);
	}

	/**
	 * Set (or, with {@code null}, clear) the signed-in user of the request, without
	 * touching the session. Useful in tests.
	 * @param request the request
	 * @param user the user, or {@code null}
	 */
	public static void assign(ServletRequest request, PowUser user) {
		if (user != null) {
			request.setAttribute(ATTRIBUTE, user);
		}
		else {
			request.removeAttribute(ATTRIBUTE);
		}
	}

}
