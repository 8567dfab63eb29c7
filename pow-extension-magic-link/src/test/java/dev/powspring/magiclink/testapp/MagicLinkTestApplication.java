package dev.powspring.magiclink.testapp;

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
 * An application with Pow, the magic-link, email-confirmation, remember-me and two-factor
 * extensions, and one page for signed-in users.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MagicLinkTestApplication.NotesController.class)
public class MagicLinkTestApplication {

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
