package dev.powspring.testing;

import dev.powspring.session.PowSessionManager;
import dev.powspring.user.PowUser;
import dev.powspring.web.csrf.PowCsrf;
import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Signed-in sessions for tests, made by Pow's own session manager as a sign-in would
 * make them: the store holds the session, and its cookie and CSRF token work in any
 * request to the application, over MockMvc or real HTTP.
 */
public class PowTestSessions {

	private final PowSessionManager sessions;

	private final PowCsrf csrf;

	private final PowTestUsers users;

	public PowTestSessions(PowSessionManager sessions, PowCsrf csrf, PowTestUsers users) {
		this.sessions = sessions;
		this.csrf = csrf;
		this.users = users;
	}

	/**
	 * Sign in the user with this user id, creating them (confirmed) when there is none.
	 * @param userId the user id
	 * @param roles roles to add to a user created here
	 * @return the session
	 */
	public PowTestSession signIn(String userId, String... roles) {
		return signIn(this.users.getOrCreate(userId, roles));
	}

	/**
	 * Sign in a user.
	 * @param user the user
	 * @return the session
	 * @throws dev.powspring.session.SignInRefusedException when a sign-in guard refuses
	 * the user, as for a locked account
	 */
	public PowTestSession signIn(PowUser user) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.sessions.create(request, response, user);
		Cookie cookie = response.getCookie(this.sessions.cookieName());
		if (cookie == null) {
			throw new IllegalStateException("Signing in " + user + " set no session cookie");
		}
		return new PowTestSession(cookie.getName(), cookie.getValue(), this.csrf.token(request).orElseThrow());
	}

}
