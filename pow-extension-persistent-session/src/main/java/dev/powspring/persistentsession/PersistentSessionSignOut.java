package dev.powspring.persistentsession;

import dev.powspring.session.PowSignOutListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Forgets the browser's remember-me token and cookie when it signs out, through Pow's
 * sign-out or any other (Spring Security's logout), so that the next request is not
 * signed in again from the cookie.
 */
public class PersistentSessionSignOut implements PowSignOutListener {

	private final PersistentSessionTokens tokens;

	private final PersistentSessionCookies cookies;

	public PersistentSessionSignOut(PersistentSessionTokens tokens, PersistentSessionCookies cookies) {
		this.tokens = tokens;
		this.cookies = cookies;
	}

	@Override
	public void signingOut(HttpServletRequest request, HttpServletResponse response) {
		this.cookies.read(request).ifPresent(this.tokens::delete);
		this.cookies.delete(request, response);
	}

}
