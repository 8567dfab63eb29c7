package dev.powspring.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where Pow's routes are mounted, and where Pow sends users after each action. Declare a
 * bean that extends this class to change a target; every target is still checked to be a
 * local path, falling back to {@code /}.
 * <p>
 * Every route of Pow, core and extensions, lives under {@link #prefix()}
 * ({@code pow.routes.prefix}); {@link #path(String)} turns a route into the path to link
 * to. Templates reach this bean as the request attribute {@value #ATTRIBUTE}.
 */
public class PowRoutes {

	/** Name of the parameter carrying the page to return to after sign-in. */
	public static final String REQUEST_PATH_PARAMETER = "request_path";

	/** Name of the request attribute through which templates reach the routes. */
	public static final String ATTRIBUTE = "powRoutes";

	private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*");

	private String prefix = "";

	private String home = "/";

	/**
	 * Mount Pow's routes under a prefix. Spring calls this with {@code pow.routes.prefix}
	 * on every bean of this type, subclasses included.
	 * @param prefix the prefix, such as {@code /auth}; empty for none
	 * @throws IllegalArgumentException when the prefix is not a plain path
	 */
	@Autowired(required = false)
	public void setPrefix(@Value("${pow.routes.prefix:}") String prefix) {
		String trimmed = (prefix != null) ? prefix.strip() : "";
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		String normalized = (trimmed.isEmpty() || trimmed.startsWith("/")) ? trimmed : "/" + trimmed;
		if (!PREFIX.matcher(normalized).matches()) {
			throw new IllegalArgumentException("pow.routes.prefix must be a plain path such as /auth, not '"
					+ prefix + "'");
		}
		this.prefix = normalized;
	}

	/**
	 * Set where users land after signing in or registering when no {@code request_path}
	 * names a page. Spring calls this with {@code pow.routes.home}.
	 * @param home a local path, {@code /} by default and a realm's prefix in a realm
	 */
	@Autowired(required = false)
	public void setHome(@Value("${pow.routes.home:/}") String home) {
		this.home = LocalPaths.isSafe(home) ? home : "/";
	}

	/**
	 * The prefix Pow's routes are mounted under.
	 * @return the prefix, such as {@code /auth}; empty for none
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * The path of one of Pow's routes, under the prefix.
	 * @param route the route as Pow declares it, such as {@code /session/new}
	 * @return the path to link or redirect to
	 */
	public String path(String route) {
		return this.prefix + route;
	}

	/**
	 * Where an anonymous user who needs to sign in goes: the sign-in page, remembering the
	 * page asked for when it was a GET.
	 * @param request the refused request
	 * @return the target
	 */
	public String userNotAuthenticatedPath(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return signInPath();
		}
		String requested = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		return UriComponentsBuilder.fromPath(signInPath())
			.queryParam(REQUEST_PATH_PARAMETER, "{path}")
			.encode()
			.buildAndExpand(requested)
			.toUriString();
	}

	/**
	 * Where a signed-in user who opened a page for anonymous users goes.
	 * @param request the refused request
	 * @return the target
	 */
	public String userAlreadyAuthenticatedPath(HttpServletRequest request) {
		return afterSignInPath(request);
	}

	/**
	 * Where a user goes after signing in: the remembered page when it is local, else
	 * {@code /}.
	 * @param request the sign-in request
	 * @return the target
	 */
	public String afterSignInPath(HttpServletRequest request) {
		String requested = request.getParameter(REQUEST_PATH_PARAMETER);
		return LocalPaths.isSafe(requested) ? requested : this.home;
	}

	/**
	 * Where a user goes after signing out.
	 * @param request the sign-out request
	 * @return the target
	 */
	public String afterSignOutPath(HttpServletRequest request) {
		return signInPath();
	}

	/**
	 * Where a user goes after registering.
	 * @param request the registration request
	 * @return the target
	 */
	public String afterRegistrationPath(HttpServletRequest request) {
		return afterSignInPath(request);
	}

	/**
	 * Where a user goes after editing the account.
	 * @param request the update request
	 * @return the target
	 */
	public String afterUserUpdatedPath(HttpServletRequest request) {
		return accountPath();
	}

	/**
	 * Where a user goes after deleting the account.
	 * @param request the delete request
	 * @return the target
	 */
	public String afterUserDeletedPath(HttpServletRequest request) {
		return afterSignOutPath(request);
	}

	/**
	 * The sign-in page.
	 * @return its path
	 */
	public String signInPath() {
		return path("/session/new");
	}

	/**
	 * The signed-in user's account page.
	 * @return its path
	 */
	public String accountPath() {
		return path("/registration/edit");
	}

}
