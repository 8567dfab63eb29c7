package dev.powspring.testapp.security.zerocode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.powspring.session.CurrentUser;
import dev.powspring.test.time.MutableClock;
import dev.powspring.user.PowUser;
import dev.powspring.web.csrf.PowCsrf;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireNotAuthenticated;
import dev.powspring.token.TokenSigner;
import dev.powspring.session.PowSessionManager;
import dev.powspring.testapp.web.WebTestApplication.SessionCounter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that adds Spring Security and declares no filter chain: Pow's chain
 * protects everything but Pow's pages, static assets and the pages its guards reserve for
 * anonymous users.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import({ ZeroCodeSecurityApplication.AccountController.class, ZeroCodeSecurityApplication.Greetings.class })
public class ZeroCodeSecurityApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@Bean
	SessionCounter sessionCounter() {
		return new SessionCounter();
	}

	@Bean
	Notes notes() {
		return new Notes();
	}

	/**
	 * Pow's CSRF tokens, counting how often Pow itself checks one.
	 */
	@Bean
	CountingPowCsrf powCsrf(TokenSigner signer, PowSessionManager sessions) {
		return new CountingPowCsrf(signer, sessions);
	}

	/**
	 * The application's own data, changed by a form.
	 */
	public static class Notes {

		private final List<String> bodies = new CopyOnWriteArrayList<>();

		public List<String> bodies() {
			return this.bodies;
		}

	}

	/**
	 * Counts Pow's own CSRF checks.
	 */
	public static class CountingPowCsrf extends PowCsrf {

		private final AtomicInteger checks = new AtomicInteger();

		CountingPowCsrf(TokenSigner signer, PowSessionManager sessions) {
			super(signer, "pow_csrf", sessions);
		}

		@Override
		public boolean isValid(HttpServletRequest request) {
			this.checks.incrementAndGet();
			return super.isValid(request);
		}

		public int checks() {
			return this.checks.get();
		}

	}

	/**
	 * A service whose method needs an authenticated caller.
	 */
	public static class Greetings {

		@PreAuthorize("isAuthenticated()")
		public String greet() {
			return "hello " + SecurityContextHolder.getContext().getAuthentication().getName();
		}

	}

	@RestController
	static class AccountController {

		private final Greetings greetings;

		private final Notes notes;

		AccountController(Greetings greetings, Notes notes) {
			this.greetings = greetings;
			this.notes = notes;
		}

		@GetMapping("/account")
		String account(@AuthenticationPrincipal PowUser user, Authentication authentication) {
			Authentication held = SecurityContextHolder.getContext().getAuthentication();
			return "account of " + user.getUserId() + ", held as " + held.getName() + " with "
					+ authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		}

		@GetMapping("/admin-area")
		@PreAuthorize("hasRole('ADMIN')")
		String adminArea(@AuthenticationPrincipal PowUser user) {
			return "admin area of " + user.getUserId();
		}

		@GetMapping("/greeting")
		String greeting() {
			return this.greetings.greet();
		}

		@GetMapping("/welcome")
		@RequireNotAuthenticated
		String welcome() {
			return "welcome, stranger";
		}

		@GetMapping("/notes")
		@RequireAuthenticated
		List<String> notes(@CurrentUser PowUser user) {
			return this.notes.bodies();
		}

		@PostMapping("/notes")
		String addNote(@CurrentUser PowUser user, @RequestParam String body) {
			this.notes.bodies().add(body);
			return "noted";
		}

		@GetMapping("/api/me")
		Map<String, Object> me(@AuthenticationPrincipal PowUser user) {
			return Map.of("userId", user.getUserId());
		}

	}

}
