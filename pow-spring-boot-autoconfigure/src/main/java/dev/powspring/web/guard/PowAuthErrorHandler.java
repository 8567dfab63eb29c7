package dev.powspring.web.guard;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a request that a guard refused. Declare a bean of this type to answer
 * differently.
 */
public interface PowAuthErrorHandler {

	/**
	 * Answer a request that needs a signed-in user but has none.
	 * @param request the request
	 * @param response the response to write
	 * @throws IOException when writing fails
	 */
	void notAuthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException;

	/**
	 * Answer a request that needs an anonymous user but has a signed-in one.
	 * @param request the request
	 * @param response the response to write
	 * @throws IOException when writing fails
	 */
	void alreadyAuthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException;

	/**
	 * Answer a request that the signed-in user may not make, or whose CSRF check failed
	 * where Spring Security makes that check. The default sends a bare 403 to the error
	 * page.
	 * @param request the request
	 * @param response the response to write
	 * @throws IOException when writing fails
	 */
	default void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
