package dev.powspring.persistentsession;

import java.util.Optional;

import dev.powspring.web.PowCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The remember-me cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, kept for the token
 * TTL.
 */
public class PersistentSessionCookies {

	private final String name;

	private final PersistentSessionTokens tokens;

	public PersistentSessionCookies(String name, PersistentSessionTokens tokens) {
		this.name = name;
		this.tokens = tokens;
	}

	Optional<String> read(HttpServletRequest request) {
		return PowCookies.read(request, this.name);
	}

	void write(HttpServletRequest request, HttpServletResponse response, String signedToken) {
		PowCookies.write(request, response, this.name, signedToken, this.tokens.ttl());
	}

	void delete(HttpServletRequest request, HttpServletResponse response) {
		PowCookies.delete(request, response, this.name);
	}

}
