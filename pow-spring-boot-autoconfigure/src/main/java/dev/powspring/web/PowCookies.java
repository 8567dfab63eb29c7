package dev.powspring.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Reads and writes Pow's cookies with the attributes every one of them needs: HttpOnly,
 * SameSite=Lax, path {@code /}, and Secure when the request came over HTTPS. Over HTTPS
 * their names also get the {@code __Host-} prefix, which browsers accept only for a
 * Secure cookie of the exact host, so that neither a sibling subdomain nor a plain-HTTP
 * page can plant or overwrite one; a cookie without the prefix is then not read.
 */
public final class PowCookies {

	/**
	 * The servlet context attribute that turns the {@code __Host-} prefix off when it is
	 * {@link Boolean#FALSE} ({@code pow.host-prefixed-cookies=false}).
	 */
	public static final String HOST_PREFIX_ATTRIBUTE = PowCookies.class.getName() + ".hostPrefix";

	private static final String HOST_PREFIX = "__Host-";

	private PowCookies() {
	}

	/**
	 * Return the value of the named cookie.
	 * @param request the request
	 * @param name the cookie name
	 * @return the value, or empty
	 */
	public static Optional<String> read(HttpServletRequest request, String name) {
		return read(request, PowCookie.named(name));
	}

	/**
	 * Return the value of a cookie.
	 * @param request the request
	 * @param cookie the cookie
	 * @return the value, or empty
	 */
	public static Optional<String> read(HttpServletRequest request, PowCookie cookie) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		String effectiveName = effectiveName(request, cookie);
		for (Cookie sent : cookies) {
			if (effectiveName.equals(sent.getName())) {
				return Optional.ofNullable(sent.getValue());
			}
		}
		return Optional.empty();
	}

	/**
	 * Write a cookie.
	 * @param request the request, to tell whether it came over HTTPS
	 * @param response the response
	 * @param name the cookie name
	 * @param value the value
	 * @param maxAge how long the browser keeps it, or {@code null} for a browser-session
	 * cookie
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, String name, String value,
			Duration maxAge) {
		write(request, response, PowCookie.named(name), value, maxAge);
	}

	/**
	 * Write a cookie with its configured domain, path and SameSite attribute.
	 * @param request the request, to tell whether it came over HTTPS
	 * @param response the response
	 * @param cookie the cookie
	 * @param value the value
	 * @param maxAge how long the browser keeps it, or {@code null} for a browser-session
	 * cookie
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, PowCookie cookie, String value,
			Duration maxAge) {
		ResponseCookie.ResponseCookieBuilder builder = ResponseCookie.from(effectiveName(request, cookie), value)
			.path(cookie.path())
			.httpOnly(true)
			.sameSite(cookie.sameSite())
			.secure(request.isSecure());
		if (cookie.domain() != null) {
			builder.domain(cookie.domain());
		}
		if (maxAge != null) {
			builder.maxAge(maxAge);
		}
		response.addHeader(HttpHeaders.SET_COOKIE, builder.build().toString());
	}

	/**
	 * Tell the browser to drop a cookie.
	 * @param request the request
	 * @param response the response
	 * @param name the cookie name
	 */
	public static void delete(HttpServletRequest request, HttpServletResponse response, String name) {
		delete(request, response, PowCookie.named(name));
	}

	/**
	 * Tell the browser to drop a cookie, at the domain and path it was written with.
	 * @param request the request
	 * @param response the response
	 * @param cookie the cookie
	 */
	public static void delete(HttpServletRequest request, HttpServletResponse response, PowCookie cookie) {
		write(request, response, cookie, "", Duration.ZERO);
	}

	/**
	 * Return the name a cookie has on the wire for this request.
	 * @param request the request
	 * @param name the cookie's configured name
	 * @return the name, with the {@code __Host-} prefix over HTTPS unless turned off
	 */
	public static String effectiveName(HttpServletRequest request, String name) {
		return effectiveName(request, PowCookie.named(name));
	}

	/**
	 * Return the name a cookie has on the wire for this request: with the {@code __Host-}
	 * prefix over HTTPS, unless turned off or the cookie has a domain or a narrower path,
	 * which browsers refuse for such a cookie.
	 * @param request the request
	 * @param cookie the cookie
	 * @return the name
	 */
	public static String effectiveName(HttpServletRequest request, PowCookie cookie) {
		String name = cookie.name();
		boolean prefixed = request.isSecure() && cookie.hostOnly() && !name.startsWith(HOST_PREFIX)
				&& !Boolean.FALSE.equals(request.getServletContext().getAttribute(HOST_PREFIX_ATTRIBUTE));
		return prefixed ? HOST_PREFIX + name : name;
	}

}
