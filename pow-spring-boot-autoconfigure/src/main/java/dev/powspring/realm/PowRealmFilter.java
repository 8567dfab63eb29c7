package dev.powspring.realm;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells which realm a request belongs to, before Pow's session filter: it records the
 * realm in the request attribute {@value PowRealm#ATTRIBUTE} and lets that realm's session
 * filter sign the request in. The default realm's filter leaves other realms' requests
 * alone.
 */
public class PowRealmFilter extends OncePerRequestFilter {

	private final PowRealms realms;

	public PowRealmFilter(PowRealms realms) {
		this.realms = realms;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PowRealm realm = this.realms.realmOf(request).orElse(null);
		if (realm == null) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(PowRealm.ATTRIBUTE, realm.name());
		Filter sessionFilter = this.realms.realm(realm.name()).sessionFilter;
		if (sessionFilter != null) {
			sessionFilter.doFilter(request, response, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

}
