package dev.powspring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Security headers on Pow's own pages: no content sniffing, no framing (against
 * clickjacking of sign-in and account forms), and no referrer, since several of these
 * pages carry a token in their URL.
 */
public class PowSecurityHeadersInterceptor implements HandlerInterceptor {

	private static final String POW_PACKAGE = "dev.powspring.";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod handlerMethod
				&& handlerMethod.getBeanType().getName().startsWith(POW_PACKAGE)) {
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
			response.setHeader("Referrer-Policy", "no-referrer");
		}
		return true;
	}

}
