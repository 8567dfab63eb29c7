package dev.powspring.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chains that apply {@link PowSecurityConfigurer}, so that the startup check
 * can tell them from chains that would serve Pow's pages without Pow.
 */
public final class PowSecurityChains {

	private final List<HttpSecurity> builders = new ArrayList<>();

	synchronized void add(HttpSecurity http) {
		this.builders.add(http);
	}

	/**
	 * Tell whether a chain applies Pow.
	 * @param chain a built chain
	 * @return {@code true} when it was built with {@link PowSecurityConfigurer}
	 */
	public synchronized boolean appliesPow(SecurityFilterChain chain) {
		// Called once the chains are built: each builder then holds its chain.
		SecurityFilterChain built = (chain instanceof PowRealmSecurityFilterChain realm) ? realm.getChain() : chain;
		return this.builders.stream().anyMatch((http) -> http.getObject() == built);
	}

}
