package dev.powspring.session;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a {@link PowSignInGuard} knows of a sign-in besides the user.
 *
 * @param method how the user is signing in
 * @param reissue whether the request already has a session of the same user, whose token
 * is being replaced (as after an account update) rather than a new sign-in made
 * @param request the request signing the user in, or {@code null} when there is none at
 * hand (a check made outside a web request)
 */
public record SignInAttempt(SignInMethod method, boolean reissue, HttpServletRequest request) {

	public SignInAttempt {
		if (method == null) {
			throw new IllegalArgumentException("A sign-in attempt needs a method");
		}
	}

	/**
	 * Return a new sign-in by the given method.
	 * @param method how the user is signing in
	 * @param request the request, or {@code null}
	 * @return the attempt
	 */
	public static SignInAttempt of(SignInMethod method, HttpServletRequest request) {
		return new SignInAttempt(method, false, request);
	}

}
