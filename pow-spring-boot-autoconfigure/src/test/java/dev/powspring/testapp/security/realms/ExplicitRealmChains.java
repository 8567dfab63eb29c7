package dev.powspring.testapp.security.realms;

import dev.powspring.security.PowSecurityConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's own chains: one per realm, the staff's first.
 */
@Configuration(proxyBeanMethods = false)
public class ExplicitRealmChains {

	@Bean
	@Order(1)
	SecurityFilterChain staffChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("USER"))
			.with(PowSecurityConfigurer.pow("staff"), Customizer.withDefaults());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain membersChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.with(PowSecurityConfigurer.pow(), Customizer.withDefaults());
		return http.build();
	}

}

