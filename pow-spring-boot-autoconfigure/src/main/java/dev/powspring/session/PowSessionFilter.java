package dev.powspring.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the signed-in user once per request and exposes it as the request attribute
 * {@value PowCurrentUser#ATTRIBUTE}, before any handler, interceptor or view runs.
 */
public class PowSessionFilter extends OncePerRequestFilter {

	private final PowSessionManager sessions;

	public PowSessionFilter(PowSessionManager sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (PowCurrentUser.get(request).isEmpty()) {
			this.sessions.resolve(request, response).ifPresent((user) -> PowCurrentUser.assign(request, user));
		}
		chain.doFilter(request, response);
	}

}
