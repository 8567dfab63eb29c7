package dev.powspring.web.guard;

import dev.powspring.session.PowCurrentUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells whether a request counts as signed in for Pow's guards. By default that is a
 * request with a Pow user; with Spring Security, a request Spring Security has
 * authenticated counts too. Declare a bean of this type to decide otherwise.
 */
@FunctionalInterface
public interface SignedInCheck {

	/** Signed in when the request has a Pow user. */
	SignedInCheck POW_USER = (request) -> PowCurrentUser.get(request).isPresent();

	/**
	 * Tell whether the request is signed in.
	 * @param request the request
	 * @return {@code true} when it is
	 */
	boolean isSignedIn(HttpServletRequest request);

}
