package dev.powspring.passkeys.testapp;

import dev.powspring.session.CurrentUser;
import dev.powspring.session.PowSignInGuard;
import dev.powspring.session.SignInAttempt;
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
 * An application with Pow, the passkeys extension, one page for signed-in users, and a
 * guard that, like a second-factor guard, lets users whose id starts with {@code mfa}
 * in only by a multi-factor sign-in.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PasskeysTestApplication.NotesController.class)
public class PasskeysTestApplication {

	/** The refusal of the guard. */
	public static final String SECOND_FACTOR_NEEDED = "second_factor_needed";

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@Bean
	PowSignInGuard multiFactorGuard() {
		return new PowSignInGuard() {

			@Override
			public String refusal(PowUser user) {
				return null;
			}

			@Override
			public String refusal(PowUser user, SignInAttempt attempt) {
				boolean needsSecondFactor = user.getUserId().startsWith("mfa") && !attempt.reissue()
						&& !attempt.method().multiFactor();
				return needsSecondFactor ? SECOND_FACTOR_NEEDED : null;
			}

		};
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
