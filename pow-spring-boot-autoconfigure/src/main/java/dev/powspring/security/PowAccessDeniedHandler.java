package dev.powspring.security;

import java.io.IOException;

import dev.powspring.web.guard.PowAuthErrorHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request Spring Security refused to a signed-in user, or whose CSRF token it
 * refused, as Pow does: the 403 error page, or Pow's JSON 403 for an API client.
 */
public class PowAccessDeniedHandler implements AccessDeniedHandler {

	private final PowAuthErrorHandler errorHandler;

	/**
	 * Create an instance.
	 * @param errorHandler Pow's answers
	 */
	public PowAccessDeniedHandler(PowAuthErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.errorHandler.forbidden(request, response);
	}

}
