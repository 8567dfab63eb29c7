package dev.powspring.twofactor;

import java.util.Optional;

import dev.powspring.web.PowCookie;
import dev.powspring.web.PowCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cookie of a pending half-session in a browser: HttpOnly, SameSite=Lax, Secure over
 * HTTPS, and gone when the browser closes. It carries the signed token of
 * {@link TwoFactorPendingSignIns} and is read by the code page only.
 */
public class TwoFactorPendingCookie {

	private final TwoFactorPendingSignIns pending;

	private final PowCookie cookie;

	/**
	 * Create an instance.
	 * @param pending the half-sessions
	 * @param cookie the cookie
	 */
	public TwoFactorPendingCookie(TwoFactorPendingSignIns pending, PowCookie cookie) {
		this.pending = pending;
		this.cookie = cookie;
	}

	/**
	 * Hand a new half-session's token to the browser.
	 * @param request the request
	 * @param response the response
	 * @param signedToken the signed token
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, String signedToken) {
		PowCookies.write(request, response, this.cookie, signedToken, null);
	}

	/**
	 * Find the browser's half-session.
	 * @param request the request
	 * @return the half-session, or empty when there is none or it ended
	 */
	public Optional<TwoFactorPendingSignIns.Found> find(HttpServletRequest request) {
		return PowCookies.read(request, this.cookie).flatMap(this.pending::find);
	}

	/**
	 * Drop the cookie.
	 * @param request the request
	 * @param response the response
	 */
	public void delete(HttpServletRequest request, HttpServletResponse response) {
		PowCookies.delete(request, response, this.cookie);
	}

}
