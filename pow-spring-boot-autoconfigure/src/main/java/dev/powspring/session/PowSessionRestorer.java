package dev.powspring.session;

import java.util.Optional;

import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Restores a signed-in user for a request that carries no valid session, such as from a
 * remember-me cookie. {@link PowSessionFilter} asks every restorer bean, in order, until
 * one answers.
 */
@FunctionalInterface
public interface PowSessionRestorer {

	/**
	 * Restore the user of a request without a session; a restorer usually creates a new
	 * session through {@link PowSessionManager#create}.
	 * @param request the request
	 * @param response the response, for new cookies
	 * @return the user, or empty
	 */
	Optional<PowUser> restore(HttpServletRequest request, HttpServletResponse response);

}
