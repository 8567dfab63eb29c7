package dev.powspring.testapp.security.realms;

import dev.powspring.test.time.MutableClock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members and staff (realm {@code staff} at {@code /staff}, declared by the tests) with
 * Spring Security: without chains of its own, Pow's chain per realm applies; with
 * {@link ExplicitRealmChains}, the application's.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RealmSecurityApplication.Pages.class)
public class RealmSecurityApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@RestController
	static class Pages {

		@GetMapping("/notes")
		String notes(Authentication authentication) {
			return "notes of " + authentication.getName();
		}

		@GetMapping("/staff/board")
		String board(Authentication authentication) {
			return "board for " + authentication.getName();
		}

	}

}
