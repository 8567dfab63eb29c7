package dev.powspring.twofactor.testapp;

import dev.powspring.session.CurrentUser;
import dev.powspring.test.time.MutableClock;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with Pow, two-factor sign-in, remember-me, password reset, the admin
 * console, and one page for signed-in users.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TwoFactorTestApplication.NotesController.class)
public class TwoFactorTestApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@RestController
	static class NotesController {

		@GetMapping("/notes")
		@RequireAuthenticated
		String notes(@CurrentUser PowUser user) {
			return "notes of " + user.getUserId();
		}

	}

}
