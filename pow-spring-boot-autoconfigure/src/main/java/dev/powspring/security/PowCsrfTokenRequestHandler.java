package dev.powspring.security;

import dev.powspring.web.csrf.PowCsrf;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Exposes the token to views as {@code _csrf}, as Spring Security does, unmasked so it
 * equals the one in Pow's forms, and marks a request whose token Spring Security checks,
 * so that Pow's own CSRF interceptor does not check it again.
 */
final class PowCsrfTokenRequestHandler extends CsrfTokenRequestAttributeHandler {

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		// Only called for a request Spring Security checks; a failed check never reaches Pow.
		request.setAttribute(PowCsrf.CHECKED_ATTRIBUTE, Boolean.TRUE);
		return super.resolveCsrfTokenValue(request, csrfToken);
	}

}
