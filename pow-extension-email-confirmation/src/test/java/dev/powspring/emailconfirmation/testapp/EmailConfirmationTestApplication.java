package dev.powspring.emailconfirmation.testapp;

import java.util.concurrent.atomic.AtomicInteger;

import dev.powspring.password.PasswordAlgorithm;
import dev.powspring.password.PowPasswordEncoder;
import dev.powspring.session.CurrentUser;
import dev.powspring.session.PowSessionManager;
import dev.powspring.test.time.MutableClock;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.guard.RequireAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with Pow and email confirmation, a page for signed-in users, and a
 * sign-in endpoint of its own that does not go through Pow's controllers.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EmailConfirmationTestApplication.AppController.class)
public class EmailConfirmationTestApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@Bean
	CountingPasswordEncoder powPasswordEncoder() {
		return new CountingPasswordEncoder(new PowPasswordEncoder(PasswordAlgorithm.PBKDF2_SHA512, 1, 4));
	}

	@RestController
	static class AppController {

		private final PowUsersService users;

		private final PowSessionManager sessions;

		AppController(PowUsersService users, PowSessionManager sessions) {
			this.users = users;
			this.sessions = sessions;
		}

		@GetMapping("/notes")
		@RequireAuthenticated
		String notes(@CurrentUser PowUser user) {
			return "notes of " + user.getUserId();
		}

		@PostMapping("/api/sign-in")
		String signIn(@RequestParam String email, @RequestParam String password, HttpServletRequest request,
				HttpServletResponse response) {
			PowUser user = this.users.authenticate(email, password).orElseThrow();
			this.sessions.create(request, response, user);
			return "signed in";
		}

	}

	/**
	 * The real encoder, counting the hashes it makes.
	 */
	public static class CountingPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate;

		private final AtomicInteger encodings = new AtomicInteger();

		CountingPasswordEncoder(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			this.encodings.incrementAndGet();
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.delegate.upgradeEncoding(encodedPassword);
		}

		public int encodings() {
			return this.encodings.get();
		}

	}

}
