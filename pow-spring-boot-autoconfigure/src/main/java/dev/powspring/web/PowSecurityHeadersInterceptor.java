package dev.powspring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Security headers on every answer of Pow's own controllers (and of applications'
 * subclasses of them): no content sniffing, no framing (against clickjacking of sign-in
 * and account forms), no referrer, since several of these pages carry a token in their
 * URL, and no caching, since they hold forms, tokens and account details that must not
 * be kept by a shared computer's browser or a proxy.
 */
public class PowSecurityHeadersInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (PowHandlers.isPows(handler)) {
			response.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
			response.setHeader("Referrer-Policy", "no-referrer");
		}
		return true;
	}

}
