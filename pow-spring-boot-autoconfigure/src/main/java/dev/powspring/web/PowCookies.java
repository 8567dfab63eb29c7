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
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		String effectiveName = effectiveName(request, name);
		for (Cookie cookie : cookies) {
			if (effectiveName.equals(cookie.getName())) {
				return Optional.ofNullable(cookie.getValue());
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
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(effectiveName(request, name), value)
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.secure(request.isSecure());
		if (maxAge != null) {
			cookie.maxAge(maxAge);
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
	}

	/**
	 * Tell the browser to drop a cookie.
	 * @param request the request
	 * @param response the response
	 * @param name the cookie name
	 */
	public static void delete(HttpServletRequest request, HttpServletResponse response, String name) {
		write(request, response, name, "", Duration.ZERO);
	}

	/**
	 * Return the name a cookie has on the wire for this request.
	 * @param request the request
	 * @param name the cookie's configured name
	 * @return the name, with the {@code __Host-} prefix over HTTPS unless turned off
	 */
	public static String effectiveName(HttpServletRequest request, String name) {
		boolean prefixed = request.isSecure() && !name.startsWith(HOST_PREFIX)
				&& !Boolean.FALSE.equals(request.getServletContext().getAttribute(HOST_PREFIX_ATTRIBUTE));
		return prefixed ? HOST_PREFIX + name : name;
	}

}
