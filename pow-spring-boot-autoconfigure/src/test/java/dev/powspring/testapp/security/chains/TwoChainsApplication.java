package dev.powspring.testapp.security.chains;

import java.util.List;
import java.util.Map;

import dev.powspring.security.PowAuthoritiesMapper;
import dev.powspring.security.PowSecurityConfigurer;
import dev.powspring.test.time.MutableClock;
import dev.powspring.testapp.web.WebTestApplication.SessionCounter;
import dev.powspring.user.PowUser;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with two chains of its own: a stateless one for machine clients under
 * {@code /api/**} with HTTP Basic and no Pow, and the chain for browsers, which applies
 * Pow in one line and reserves {@code /admin/**} to admins. Its authorities mapper makes
 * admins of the users whose email starts with "admin@".
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TwoChainsApplication.PagesController.class)
public class TwoChainsApplication {

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http) {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ROBOT"))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated()).with(PowSecurityConfigurer.pow(), Customizer.withDefaults());
		return http.build();
	}

	/**
	 * The machine clients; Spring Security hashes their passwords with Pow's encoder, the
	 * application's only {@link PasswordEncoder} bean.
	 */
	@Bean
	UserDetailsService robots(PasswordEncoder passwordEncoder) {
		return new InMemoryUserDetailsManager(
				User.withUsername("robot").password(passwordEncoder.encode("beep-boop")).roles("ROBOT").build());
	}

	@Bean
	PowAuthoritiesMapper powAuthoritiesMapper() {
		return (PowUser user) -> user.getUserId().startsWith("admin@")
				? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@Bean
	SessionCounter sessionCounter() {
		return new SessionCounter();
	}

	@RestController
	static class PagesController {

		@GetMapping("/")
		String home() {
			return "home";
		}

		@GetMapping("/admin/users")
		String adminUsers(Authentication authentication) {
			return "users, for " + authentication.getName();
		}

		@GetMapping("/reports")
		String reports(Authentication authentication) {
			return "reports, for " + authentication.getName();
		}

		@GetMapping("/api/status")
		Map<String, String> status(Authentication authentication) {
			return Map.of("caller", authentication.getName());
		}

	}

}
