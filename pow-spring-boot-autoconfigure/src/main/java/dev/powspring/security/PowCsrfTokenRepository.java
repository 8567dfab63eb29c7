package dev.powspring.security;

import dev.powspring.web.csrf.PowCsrf;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Pow's CSRF tokens as Spring Security's {@link CsrfTokenRepository}, so that Pow's forms,
 * the application's forms and Spring Security's check share one token, sent as
 * {@value PowCsrf#PARAMETER_NAME} or in the {@value PowCsrf#HEADER_NAME} header, and no
 * {@code HttpSession} holds it. The token is bound to the Pow session, or before sign-in
 * to Pow's pre-session cookie.
 */
public class PowCsrfTokenRepository implements CsrfTokenRepository {

	private final PowCsrf csrf;

	/**
	 * Create an instance.
	 * @param csrf Pow's tokens
	 */
	public PowCsrfTokenRepository(PowCsrf csrf) {
		this.csrf = csrf;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return token(this.csrf.generate(request));
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			// Spring Security forgets the token after sign-in and sign-out: start anew.
			this.csrf.rotate(request, response);
		}
		else {
			this.csrf.save(request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return this.csrf.token(request).map(PowCsrfTokenRepository::token).orElse(null);
	}

	private static CsrfToken token(String value) {
		return new DefaultCsrfToken(PowCsrf.HEADER_NAME, PowCsrf.PARAMETER_NAME, value);
	}

}
