package dev.powspring.sample;

import dev.powspring.security.PowSecurityConfigurer;

import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security with Pow: the home page, static files and the health endpoint are public,
 * the other Actuator endpoints (Pow's among them) are for admins, everything else needs a
 * signed-in user; Pow's pages stay open and Pow's session is Spring Security's.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * The staff desk at /staff: the realm {@code staff}'s own chain, matched by its prefix.
	 * @param http the chain's builder
	 * @return the chain
	 */
	@Bean
	@Order(1)
	SecurityFilterChain staffSecurityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		http.with(PowSecurityConfigurer.pow("staff"), Customizer.withDefaults());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/")
			.permitAll()
			.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.with(PowSecurityConfigurer.pow(), Customizer.withDefaults());
		return http.build();
	}

}
