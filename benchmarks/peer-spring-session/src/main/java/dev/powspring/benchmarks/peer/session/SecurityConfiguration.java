package dev.powspring.benchmarks.peer.session;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login as Spring Security's reference documentation shows it: the home page open
 * to everyone, everything else for signed-in users, the generated login page at
 * {@code /login}, and CSRF protection, session fixation protection and the security
 * headers as they are by default.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/").permitAll().anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * The one user the benchmark signs in as, with the password hashed as a new
	 * application hashes it: by the delegating encoder's default algorithm.
	 */
	@Bean
	UserDetailsService userDetailsService(@Value("${peer.username}") String username,
			@Value("${peer.password}") String password) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(
				User.withUsername(username).password(encoder.encode(password)).roles("USER").build());
	}

}
