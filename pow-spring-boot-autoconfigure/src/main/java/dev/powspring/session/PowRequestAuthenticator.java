package dev.powspring.session;

import java.util.Optional;

import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides who a request is from by credentials it carries itself, such as an API access
 * token in the {@code Authorization} header, before the session cookie is looked at.
 * {@link PowSessionFilter} asks every bean of this type, in order.
 * <p>
 * A request decided this way is authenticated by no cookie: it neither reads nor writes
 * the session cookie, and needs no CSRF token ({@link #decidedByCredentials}). A request
 * with both a valid cookie and such credentials is decided by the credentials, even when
 * they are not valid.
 */
@FunctionalInterface
public interface PowRequestAuthenticator {

	/** Request attribute set on a request that its own credentials decided. */
	String DECIDED_ATTRIBUTE = PowRequestAuthenticator.class.getName() + ".decided";

	/**
	 * Decide who the request is from.
	 * @param request the request
	 * @return empty when the request carries no credentials of this kind, so that the next
	 * authenticator or the session cookie decides; otherwise the verdict
	 */
	Optional<Verdict> authenticate(HttpServletRequest request);

	/**
	 * Tell whether the request's own credentials decided who it is from, rather than a
	 * cookie: such a request needs no CSRF token.
	 * @param request the request
	 * @return {@code true} when a {@link PowRequestAuthenticator} decided it
	 */
	static boolean decidedByCredentials(HttpServletRequest request) {
		return request.getAttribute(DECIDED_ATTRIBUTE) != null;
	}

	/**
	 * Who a request is from, by its credentials.
	 *
	 * @param user the user, or {@code null} when the credentials are not valid and the
	 * request is anonymous
	 */
	record Verdict(PowUser user) {

		/**
		 * The verdict on credentials that are not valid.
		 * @return an anonymous verdict
		 */
		public static Verdict anonymous() {
			return new Verdict(null);
		}

	}

}
