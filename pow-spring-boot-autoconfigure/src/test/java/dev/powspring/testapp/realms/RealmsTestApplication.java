package dev.powspring.testapp.realms;

import dev.powspring.session.CurrentUser;
import dev.powspring.test.time.MutableClock;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireRole;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with two kinds of users: members in the default realm, and staff in the
 * realm {@code staff} at {@code /staff} (declared by the tests' properties).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RealmsTestApplication.Pages.class)
public class RealmsTestApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@RestController
	static class Pages {

		@GetMapping("/notes")
		@RequireAuthenticated
		String notes(@CurrentUser PowUser user) {
			return "notes of " + user.getUserId();
		}

		@GetMapping("/staff/board")
		@RequireAuthenticated(realm = "staff")
		String board(@CurrentUser(realm = "staff") PowUser user) {
			return "board for " + user.getUserId();
		}

		@GetMapping("/staff/payroll")
		@RequireRole(value = "payroll", realm = "staff")
		String payroll(@CurrentUser PowUser user) {
			return "payroll for " + user.getUserId();
		}

		// No guard of its own: only path guards could reserve it.
		@GetMapping("/staff/lounge")
		String lounge() {
			return "lounge";
		}

		// A staff page mapped outside the staff area: no member's session opens it.
		@GetMapping("/reports")
		@RequireAuthenticated(realm = "staff")
		String reports(@CurrentUser(realm = "staff") PowUser user) {
			return "reports for " + user.getUserId();
		}

		@GetMapping("/whoami")
		String whoami(@CurrentUser PowUser user, @CurrentUser(realm = "staff") PowUser staff) {
			return "user=" + ((user != null) ? user.getUserId() : "-") + " staff="
					+ ((staff != null) ? staff.getUserId() : "-");
		}

	}

}
