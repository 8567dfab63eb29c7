package dev.powspring.security;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.powspring.realm.PowRealm;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chains that apply {@link PowSecurityConfigurer}, so that the startup check
 * can tell them from chains that would serve Pow's pages without Pow.
 */
public final class PowSecurityChains {

	private final List<HttpSecurity> builders = new ArrayList<>();

	private final Map<HttpSecurity, String> realms = new IdentityHashMap<>();

	synchronized void add(HttpSecurity http, String realm) {
		this.builders.add(http);
		this.realms.put(http, realm);
	}

	/**
	 * Tell whether a chain applies Pow.
	 * @param chain a built chain
	 * @return {@code true} when it was built with {@link PowSecurityConfigurer}
	 */
	public synchronized boolean appliesPow(SecurityFilterChain chain) {
		return builderOf(chain) != null;
	}

	/**
	 * Tell whether a chain applies Pow for a realm.
	 * @param chain a built chain
	 * @param realm the realm's name, {@value PowRealm#DEFAULT} for the default realm
	 * @return {@code true} when it was built with {@code PowSecurityConfigurer.pow(realm)}
	 */
	public synchronized boolean appliesPow(SecurityFilterChain chain, String realm) {
		HttpSecurity http = builderOf(chain);
		return http != null && realm.equals(this.realms.get(http));
	}

	// Called once the chains are built: each builder then holds its chain.
	private HttpSecurity builderOf(SecurityFilterChain chain) {
		SecurityFilterChain built = (chain instanceof PowRealmSecurityFilterChain realm) ? realm.getChain() : chain;
		return this.builders.stream().filter((http) -> http.getObject() == built).findFirst().orElse(null);
	}

}
