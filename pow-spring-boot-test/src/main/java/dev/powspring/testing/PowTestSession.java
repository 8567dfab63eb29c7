package dev.powspring.testing;

import dev.powspring.web.csrf.PowCsrf;
import jakarta.servlet.http.Cookie;

/**
 * A signed-in session for a test: the session cookie to send, and the CSRF token that
 * state-changing requests carry in the {@value PowCsrf#HEADER_NAME} header or the
 * {@value PowCsrf#PARAMETER_NAME} form field.
 *
 * @param cookieName the session cookie's name
 * @param cookieValue the session cookie's value
 * @param csrfToken the CSRF token of the session
 */
public record PowTestSession(String cookieName, String cookieValue, String csrfToken) {

	/**
	 * Return the session as a {@code Cookie} request header's value.
	 * @return such as {@code pow_session=...}
	 */
	public String cookieHeader() {
		return this.cookieName + "=" + this.cookieValue;
	}

	/**
	 * Return the session cookie, for MockMvc.
	 * @return the cookie
	 */
	public Cookie cookie() {
		return new Cookie(this.cookieName, this.cookieValue);
	}

	/**
	 * Return the header that carries the CSRF token.
	 * @return {@value PowCsrf#HEADER_NAME}
	 */
	public String csrfHeaderName() {
		return PowCsrf.HEADER_NAME;
	}

}
