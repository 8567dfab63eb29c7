package dev.powspring.persistentsession;

import java.time.Duration;
import java.util.Optional;

import dev.powspring.web.PowCookie;
import dev.powspring.web.PowCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The remember-me cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, kept as long as its
 * token lives.
 */
public class PersistentSessionCookies {

	private final PowCookie cookie;

	public PersistentSessionCookies(String name) {
		this(PowCookie.named(name));
	}

	public PersistentSessionCookies(PowCookie cookie) {
		this.cookie = cookie;
	}

	Optional<String> read(HttpServletRequest request) {
		return PowCookies.read(request, this.cookie);
	}

	void write(HttpServletRequest request, HttpServletResponse response, String signedToken, Duration maxAge) {
		PowCookies.write(request, response, this.cookie, signedToken, maxAge);
	}

	void delete(HttpServletRequest request, HttpServletResponse response) {
		PowCookies.delete(request, response, this.cookie);
	}

}
