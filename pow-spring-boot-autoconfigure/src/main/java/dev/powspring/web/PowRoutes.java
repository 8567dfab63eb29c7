package dev.powspring.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where Pow sends users after each action. Declare a bean that extends this class to
 * change a target; every target is still checked to be a local path, falling back to
 * {@code /}.
 */
public class PowRoutes {

	/** Name of the parameter carrying the page to return to after sign-in. */
	public static final String REQUEST_PATH_PARAMETER = "request_path";

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
		return LocalPaths.safeOrRoot(request.getParameter(REQUEST_PATH_PARAMETER));
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
		return "/session/new";
	}

	/**
	 * The signed-in user's account page.
	 * @return its path
	 */
	public String accountPath() {
		return "/registration/edit";
	}

}
