package dev.powspring.invitation.testapp;

import dev.powspring.invitation.InvitationPolicy;
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
 * An application with Pow, invitations and email confirmation, in which only users of
 * the staff domain may invite.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(InvitationTestApplication.NotesController.class)
public class InvitationTestApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@Bean
	InvitationPolicy staffOnly() {
		return (inviter) -> !inviter.getUserId().endsWith("@guest.example");
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
