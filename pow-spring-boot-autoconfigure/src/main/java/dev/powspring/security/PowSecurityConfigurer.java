package dev.powspring.security;

import dev.powspring.realm.PowRealm;
import dev.powspring.realm.PowRealms;
import dev.powspring.session.PowRequestAuthenticator;
import dev.powspring.web.PowMessages;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.guard.PowAuthErrorHandler;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.config.annotation.web.configurers.RequestCacheConfigurer;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.servlet.FlashMapManager;

/**
 * Adds Pow to a Spring Security filter chain, in the style of Spring Security's own DSL:
 * <pre class="code">
 * http.authorizeHttpRequests((requests) -&gt; requests.anyRequest().authenticated())
 *     .with(PowSecurityConfigurer.pow(), Customizer.withDefaults());
 * </pre>
 * In that chain:
 * <ul>
 * <li>Pow's session is the security context: the signed-in Pow user is a
 * {@link PowAuthentication}, and no {@code HttpSession} is used (nor a saved request:
 * Pow's sign-in returns to {@code request_path});</li>
 * <li>Pow's pages are open whatever the chain's rules say, and Pow's guards decide who
 * sees them (see {@link PowPagesRequestMatcher});</li>
 * <li>Spring Security's CSRF check uses Pow's token, and Pow does not check it again;</li>
 * <li>an anonymous request the chain refuses goes to Pow's sign-in page, or gets Pow's JSON
 * 401, and a forbidden one Pow's 403, unless the chain names its own entry point or
 * access-denied handler;</li>
 * <li>Spring Security's logout ends the Pow session and, unless the chain names its own
 * success handler, lands where Pow's sign-out does.</li>
 * </ul>
 * What the chain has turned off (CSRF, logout, authorization) stays off.
 */
public final class PowSecurityConfigurer extends AbstractHttpConfigurer<PowSecurityConfigurer, HttpSecurity> {

	private final String realm;

	private PowSecurityConfigurer(String realm) {
		this.realm = realm;
	}

	/**
	 * Return a configurer to pass to {@link HttpSecurity#with}, for the default realm.
	 * @return the configurer
	 */
	public static PowSecurityConfigurer pow() {
		return new PowSecurityConfigurer(null);
	}

	/**
	 * Return a configurer for a realm declared under {@code pow.realms}: the chain matches
	 * the realm's area (its routes prefix and below), and its security context, CSRF
	 * token, sign-in page and sign-out are the realm's.
	 * <pre class="code">
	 * &#64;Bean
	 * &#64;Order(1)
	 * SecurityFilterChain staffChain(HttpSecurity http) {
	 *     http.authorizeHttpRequests((requests) -&gt; requests.anyRequest().hasRole("STAFF"))
	 *         .with(PowSecurityConfigurer.pow("staff"), Customizer.withDefaults());
	 *     return http.build();
	 * }
	 * </pre>
	 * @param realm the realm's name
	 * @return the configurer
	 */
	public static PowSecurityConfigurer pow(String realm) {
		return new PowSecurityConfigurer(realm);
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext application = http.getSharedObject(ApplicationContext.class);
		ApplicationContext context = application;
		if (this.realm != null && !PowRealm.DEFAULT.equals(this.realm)) {
			PowRealms realms = application.getBeanProvider(PowRealms.class).getIfAvailable();
			PowRealm declared = (realms != null) ? realms.get(this.realm).orElse(null) : null;
			if (declared == null) {
				throw new IllegalStateException("PowSecurityConfigurer.pow(\"" + this.realm
						+ "\") names no realm declared under pow.realms");
			}
			context = realms.context(this.realm);
			http.securityMatcher(declared.prefix(), declared.prefix() + "/**");
		}
		PowSecurityContextRepository repository = context.getBean(PowSecurityContextRepository.class);
		http.securityContext((securityContext) -> securityContext.securityContextRepository(repository));
		if (http.getConfigurer(RequestCacheConfigurer.class) != null) {
			http.requestCache((requestCache) -> requestCache.requestCache(new NullRequestCache()));
		}
		CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null) {
			csrf.csrfTokenRepository(context.getBean(PowCsrfTokenRepository.class))
				.csrfTokenRequestHandler(new PowCsrfTokenRequestHandler())
				// No cookie authenticates a request decided by its own token (an API
				// client's), so no other site can forge it.
				.ignoringRequestMatchers(PowRequestAuthenticator::decidedByCredentials);
		}
		PowAuthErrorHandler errorHandler = context.getBean(PowAuthErrorHandler.class);
		FlashMapManager flashMapManager = application.getBeanProvider(FlashMapManager.class).getIfAvailable();
		ExceptionHandlingConfigurer<HttpSecurity> exceptionHandling = http
			.getConfigurer(ExceptionHandlingConfigurer.class);
		if (exceptionHandling != null) {
			exceptionHandling
				.defaultAuthenticationEntryPointFor(new PowAuthenticationEntryPoint(errorHandler, flashMapManager),
						AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(new PowAccessDeniedHandler(errorHandler), AnyRequestMatcher.INSTANCE);
		}
		LogoutConfigurer<HttpSecurity> logout = http.getConfigurer(LogoutConfigurer.class);
		if (logout != null) {
			logout.defaultLogoutSuccessHandlerFor(new PowLogoutSuccessHandler(context.getBean(PowRoutes.class),
					context.getBean(PowMessages.class), flashMapManager), AnyRequestMatcher.INSTANCE);
		}
		AuthorizeHttpRequestsConfigurer<HttpSecurity> authorization = http
			.getConfigurer(AuthorizeHttpRequestsConfigurer.class);
		if (authorization != null) {
			PowPagesRequestMatcher powPages = context.getBean(PowPagesRequestMatcher.class);
			authorization.withObjectPostProcessor(new ObjectPostProcessor<AuthorizationManager<HttpServletRequest>>() {

				@Override
				public <O extends AuthorizationManager<HttpServletRequest>> O postProcess(O manager) {
					@SuppressWarnings("unchecked")
					O opened = (O) new PowPagesAuthorizationManager(manager, powPages);
					return opened;
				}

			});
		}
		application.getBean(PowSecurityChains.class).add(http, (this.realm != null) ? this.realm : PowRealm.DEFAULT);
	}

}
