package dev.powspring.security;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain Pow adds for a realm when the application declares no chain of its own: the
 * realm's area needs a user of the realm, except Pow's pages, and applies
 * {@link PowSecurityConfigurer#pow(String)}. A type of its own, so that Pow's default chain
 * for the rest of the application still applies beside it.
 */
public final class PowRealmSecurityFilterChain implements SecurityFilterChain {

	private final String realm;

	private final SecurityFilterChain chain;

	public PowRealmSecurityFilterChain(String realm, SecurityFilterChain chain) {
		this.realm = realm;
		this.chain = chain;
	}

	/**
	 * Return the realm this chain serves.
	 * @return the realm's name
	 */
	public String getRealm() {
		return this.realm;
	}

	SecurityFilterChain getChain() {
		return this.chain;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return this.chain.matches(request);
	}

	@Override
	public List<Filter> getFilters() {
		return this.chain.getFilters();
	}

}
