package dev.powspring.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Grants what the application's rules refuse on Pow's pages, whose access Pow's own guards
 * decide (the account page still needs a signed-in user). Pow's pages are only looked up
 * for refused requests, so granted ones cost nothing extra.
 */
final class PowPagesAuthorizationManager implements AuthorizationManager<HttpServletRequest> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private final AuthorizationManager<HttpServletRequest> delegate;

	private final RequestMatcher powPages;

	PowPagesAuthorizationManager(AuthorizationManager<HttpServletRequest> delegate, RequestMatcher powPages) {
		this.delegate = delegate;
		this.powPages = powPages;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			HttpServletRequest request) {
		AuthorizationResult result = this.delegate.authorize(authentication, request);
		if ((result == null || !result.isGranted()) && this.powPages.matches(request)) {
			return GRANTED;
		}
		return result;
	}

	@Override
	public String toString() {
		return "Pow's pages open, then " + this.delegate;
	}

}
