package dev.powspring.security;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.powspring.realm.PowRealm;
import dev.powspring.realm.PowRealms;
import dev.powspring.web.PowRoutes;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Warns at startup when the application's filter chains would break Pow: when the chain
 * that serves Pow's sign-in page does not apply {@link PowSecurityConfigurer}, denies the
 * page to anonymous users, or adds a second way to sign in (HTTP Basic, form login,
 * Spring Security's remember-me). Each warning names the chain and the fix.
 */
public class PowSecurityChainsCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(PowSecurityChainsCheck.class);

	private static final AnonymousAuthenticationToken ANONYMOUS = new AnonymousAuthenticationToken("probe",
			"anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private final ListableBeanFactory beanFactory;

	private final PowSecurityChains powChains;

	private final PowRoutes routes;

	/**
	 * Create an instance.
	 * @param beanFactory where the chains are
	 * @param powChains the chains that apply Pow
	 * @param routes where Pow's sign-in page is
	 */
	public PowSecurityChainsCheck(ListableBeanFactory beanFactory, PowSecurityChains powChains, PowRoutes routes) {
		this.beanFactory = beanFactory;
		this.powChains = powChains;
		this.routes = routes;
	}

	private PowRealms realms;

	/**
	 * Check the sign-in page of every realm too.
	 * @param realms the application's realms
	 */
	public void setRealms(PowRealms realms) {
		this.realms = realms;
	}

	@Override
	public void afterSingletonsInstantiated() {
		problems().forEach(logger::warn);
	}

	/**
	 * Return what would break Pow, one sentence with its fix per problem.
	 * @return the problems, empty when there are none
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>(problems(this.routes.signInPath(), PowRealm.DEFAULT));
		if (this.realms != null) {
			for (PowRealm realm : this.realms.realms()) {
				problems.addAll(problems(this.realms.getBean(realm.name(), PowRoutes.class).signInPath(), realm.name()));
			}
		}
		return problems;
	}

	private List<String> problems(String signInPath, String realm) {
		String configurer = PowRealm.DEFAULT.equals(realm) ? "PowSecurityConfigurer.pow()"
				: "PowSecurityConfigurer.pow(\"" + realm + "\")";
		HttpServletRequest probe = ProbeRequest.get(signInPath);
		Map<SecurityFilterChain, String> names = new IdentityHashMap<>();
		this.beanFactory.getBeansOfType(SecurityFilterChain.class).forEach((name, chain) -> names.put(chain, name));
		SecurityFilterChain serving = this.beanFactory.getBeanProvider(SecurityFilterChain.class)
			.orderedStream()
			.filter((chain) -> chain.matches(probe))
			.findFirst()
			.orElse(null);
		List<String> problems = new ArrayList<>();
		if (serving == null) {
			return problems;
		}
		String chain = "Spring Security filter chain '" + names.get(serving) + "', which serves Pow's sign-in page "
				+ signInPath + ",";
		if (!PowRealm.DEFAULT.equals(realm) && this.powChains.appliesPow(serving)
				&& !this.powChains.appliesPow(serving, realm)) {
			problems.add(chain + " applies Pow for another realm than \"" + realm + "\", whose page it is: Spring "
					+ "Security does not see that realm's users there. Give the realm a chain of its own, in front, "
					+ "with .with(" + configurer + ", Customizer.withDefaults()).");
		}
		if (!this.powChains.appliesPow(serving)) {
			problems.add(chain + " does not apply Pow: Spring Security does not see Pow's users there and its CSRF "
					+ "check refuses Pow's forms. Add .with(" + configurer + ", Customizer.withDefaults()) "
					+ "to it, or keep Pow's pages out of it with securityMatcher(...).");
			if (deniesAnonymous(serving, probe)) {
				problems.add(chain + " denies it to anonymous users, so nobody can sign in. Permit Pow's pages "
						+ "(PowSecurityConfigurer does), for example with requestMatchers(\"" + signInPath
						+ "\").permitAll().");
			}
		}
		if (has(serving, BasicAuthenticationFilter.class)) {
			problems.add(chain + " enables HTTP Basic: browsers get a password dialog instead of Pow's sign-in "
					+ "page, and Pow's throttling and rules do not apply to it. Remove httpBasic(), or give API "
					+ "clients a chain of their own with securityMatcher(\"/api/**\").");
		}
		if (has(serving, UsernamePasswordAuthenticationFilter.class)) {
			problems.add(chain + " enables Spring Security's form login beside Pow's sign-in, without Pow's "
					+ "throttling and rules. Remove formLogin(): Pow's sign-in page is the login page.");
		}
		if (has(serving, RememberMeAuthenticationFilter.class)) {
			problems.add(chain + " enables Spring Security's remember-me beside Pow's. Remove rememberMe() and use "
					+ "pow-extension-persistent-session.");
		}
		return problems;
	}

	private static boolean deniesAnonymous(SecurityFilterChain chain, HttpServletRequest probe) {
		for (Filter filter : chain.getFilters()) {
			if (filter instanceof AuthorizationFilter authorization) {
				try {
					AuthorizationResult result = authorization.getAuthorizationManager()
						.authorize(() -> ANONYMOUS, probe);
					return result != null && !result.isGranted();
				}
				catch (RuntimeException ex) {
					// A rule that needs more of the request than the probe has: cannot tell.
					return false;
				}
			}
		}
		return false;
	}

	private static boolean has(SecurityFilterChain chain, Class<? extends Filter> type) {
		return chain.getFilters().stream().anyMatch(type::isInstance);
	}

}
