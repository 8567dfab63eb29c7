package dev.powspring.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.powspring.realm.PowRealm;
import dev.powspring.realm.PowRealms;
import dev.powspring.web.csrf.PowCsrf;
import jakarta.servlet.http.Cookie;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * MockMvc request post-processors that run a request as a signed-in Pow user:
 * <pre class="code">
 * mvc.perform(post("/notes").param("body", "Hello").with(powUser("jane@example.com")));
 * </pre>
 * The user is created on the fly (with a confirmed email address) when there is none; the
 * request carries the user's session cookie and CSRF token, so guards, CSRF protection
 * and {@code @CurrentUser} all see a signed-in user, as in the application.
 */
public final class PowMockMvc {

	private PowMockMvc() {
	}

	/**
	 * Run the request as the user with this user id.
	 * @param userId the user id
	 * @param roles roles to add to a user created here
	 * @return the post-processor
	 */
	public static RequestPostProcessor powUser(String userId, String... roles) {
		return (request) -> {
			PowTestSession session = sessions(request).signIn(userId, roles);
			return signedIn(request, session);
		};
	}

	/**
	 * Run the request with a session made elsewhere, for example by
	 * {@link PowTestSessions#signIn}.
	 * @param session the session
	 * @return the post-processor
	 */
	public static RequestPostProcessor powSession(PowTestSession session) {
		return (request) -> signedIn(request, session);
	}

	/**
	 * Give an anonymous request a valid CSRF token, as a form of Pow's carries, for
	 * requests such as registering or asking for a password reset.
	 * @return the post-processor
	 */
	public static RequestPostProcessor powCsrf() {
		return (request) -> {
			PowCsrf csrf = context(request).getBean(PowCsrf.class);
			request.removeHeader(PowCsrf.HEADER_NAME);
			request.addHeader(PowCsrf.HEADER_NAME, csrf.generate(request));
			return request;
		};
	}

	static MockHttpServletRequest signedIn(MockHttpServletRequest request, PowTestSession session) {
		// A session named by the request itself replaces one from @WithPowUser.
		List<Cookie> cookies = new ArrayList<>();
		if (request.getCookies() != null) {
			Arrays.stream(request.getCookies())
				.filter((cookie) -> !cookie.getName().equals(session.cookieName()))
				.forEach(cookies::add);
		}
		cookies.add(session.cookie());
		request.setCookies(cookies.toArray(Cookie[]::new));
		request.removeHeader(PowCsrf.HEADER_NAME);
		request.addHeader(PowCsrf.HEADER_NAME, session.csrfToken());
		return request;
	}

	/**
	 * Sign the request in as a user of a realm declared under {@code pow.realms}, created
	 * with the given roles when it does not exist.
	 * @param realm the realm's name, such as {@code "staff"}
	 * @param userId the user id
	 * @param roles the user's roles
	 * @return the post-processor
	 */
	public static RequestPostProcessor powUserOf(String realm, String userId, String... roles) {
		return (request) -> signedIn(request, sessions(request, realm).signIn(userId, roles));
	}

	/**
	 * Add a valid CSRF token of a realm to the request, as a header.
	 * @param realm the realm's name, such as {@code "staff"}
	 * @return the post-processor
	 */
	public static RequestPostProcessor powCsrfOf(String realm) {
		return (request) -> {
			PowCsrf csrf = context(request, realm).getBean(PowCsrf.class);
			request.removeHeader(PowCsrf.HEADER_NAME);
			request.addHeader(PowCsrf.HEADER_NAME, csrf.generate(request));
			return request;
		};
	}

	static PowTestSessions sessions(MockHttpServletRequest request) {
		return context(request).getBean(PowTestSessions.class);
	}

	static PowTestSessions sessions(MockHttpServletRequest request, String realm) {
		return context(request, realm).getBean(PowTestSessions.class);
	}

	private static ApplicationContext context(MockHttpServletRequest request) {
		return WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext());
	}

	// The realm's own context holds its sessions, users and CSRF tokens.
	private static ApplicationContext context(MockHttpServletRequest request, String realm) {
		ApplicationContext application = context(request);
		if (realm == null || realm.isEmpty() || PowRealm.DEFAULT.equals(realm)) {
			return application;
		}
		return application.getBean(PowRealms.class).context(realm);
	}

}
