package dev.powspring.autoconfigure;

import dev.powspring.realm.PowRealm;
import dev.powspring.realm.PowRealms;
import dev.powspring.security.PowAuthenticationProvider;
import dev.powspring.security.PowAuthoritiesMapper;
import dev.powspring.security.PowCsrfTokenRepository;
import dev.powspring.security.PowPagesRequestMatcher;
import dev.powspring.security.PowRealmSecurityFilterChain;
import dev.powspring.security.PowSecurityChains;
import dev.powspring.security.PowSecurityChainsCheck;
import dev.powspring.security.PowSecurityConfigurer;
import dev.powspring.security.PowSecurityContextRepository;
import dev.powspring.session.PowCurrentUser;
import dev.powspring.session.PowSessionManager;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.csrf.PowCsrf;
import dev.powspring.web.guard.PowGuardInterceptor;
import dev.powspring.web.guard.SignedInCheck;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Pow with Spring Security, when Spring Security is on the classpath: Pow's session as the
 * security context, Pow's CSRF tokens in Spring Security's check, and, when the
 * application declares no {@link SecurityFilterChain}, a chain of Pow's own in place of
 * Spring Boot's default.
 */
@AutoConfiguration(after = PowAutoConfiguration.class,
		beforeName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, DispatcherServlet.class })
@ConditionalOnBean({ PowSessionManager.class, PowCsrf.class })
public class PowSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PowAuthoritiesMapper powAuthoritiesMapper() {
		return PowAuthoritiesMapper.ROLES;
	}

	@Bean
	@ConditionalOnMissingBean
	PowSecurityContextRepository powSecurityContextRepository(PowSessionManager sessions,
			PowAuthoritiesMapper authoritiesMapper) {
		return new PowSecurityContextRepository(sessions, authoritiesMapper);
	}

	/**
	 * Pow's users for Spring Security's {@code AuthenticationManager}, unless the
	 * application brings its own; it also keeps Spring Boot from generating a user.
	 */
	@Bean
	@ConditionalOnMissingBean({ AuthenticationProvider.class, AuthenticationManager.class, UserDetailsService.class })
	PowAuthenticationProvider powAuthenticationProvider(PowUsersService users, PowSessionManager sessions,
			PowSecurityContextRepository securityContexts, ObjectProvider<SignInThrottle> signInThrottle) {
		return new PowAuthenticationProvider(users, sessions, securityContexts, signInThrottle.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	PowCsrfTokenRepository powCsrfTokenRepository(PowCsrf csrf) {
		return new PowCsrfTokenRepository(csrf);
	}

	@Bean
	@ConditionalOnMissingBean
	PowPagesRequestMatcher powPagesRequestMatcher(ApplicationContext context, PowGuardInterceptor guards) {
		return new PowPagesRequestMatcher(() -> context.getBean("requestMappingHandlerMapping", HandlerMapping.class),
				guards);
	}

	@Bean
	@ConditionalOnMissingBean
	SignedInCheck powSignedInCheck() {
		// Whoever Spring Security authenticated counts, so its test support satisfies Pow's guards.
		AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();
		return (request) -> PowCurrentUser.get(request).isPresent()
				|| trustResolver.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

	@Bean
	@ConditionalOnMissingBean(PowRealm.class)
	PowSecurityChains powSecurityChains() {
		return new PowSecurityChains();
	}

	@Bean
	@ConditionalOnMissingBean(PowRealm.class)
	PowSecurityChainsCheck powSecurityChainsCheck(ListableBeanFactory beanFactory, PowSecurityChains chains,
			PowRoutes routes, ObjectProvider<PowRealms> realms) {
		PowSecurityChainsCheck check = new PowSecurityChainsCheck(beanFactory, chains, routes);
		realms.ifAvailable(check::setRealms);
		return check;
	}

	/**
	 * A chain per realm, in front of Pow's default chain, when the application declares no
	 * chain of its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(value = { SecurityFilterChain.class, PowRealm.class })
	@Import(PowRealmSecurityChainsRegistrar.class)
	static class RealmChains {

	}

	/**
	 * Spring Boot's default chain made sensible for a Pow application: Pow's pages, static
	 * assets and the error page are open, everything else needs a signed-in user.
	 * @param http the chain's builder
	 * @return the chain
	 */
	@Bean
	@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
	@ConditionalOnMissingBean(value = SecurityFilterChain.class, ignored = PowRealmSecurityFilterChain.class)
	SecurityFilterChain powSecurityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
			.permitAll()
			.anyRequest()
			.authenticated());
		http.with(PowSecurityConfigurer.pow(), Customizer.withDefaults());
		return http.build();
	}

}
