package dev.powspring.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Told when a request signs out, however it does (Pow's sign-out, deleting the account,
 * Spring Security's logout), to end what the browser keeps beside its session, such as a
 * remember-me cookie. {@link PowSessionManager#delete} calls every listener bean, in
 * order, before it deletes the session.
 */
@FunctionalInterface
public interface PowSignOutListener {

	/**
	 * React to the request's sign-out.
	 * @param request the request, still with its session
	 * @param response the response, for deleting cookies
	 */
	void signingOut(HttpServletRequest request, HttpServletResponse response);

}
