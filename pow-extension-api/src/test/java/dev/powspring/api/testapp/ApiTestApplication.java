package dev.powspring.api.testapp;

import java.util.Map;

import dev.powspring.session.CurrentUser;
import dev.powspring.test.time.MutableClock;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with Pow, the API, password reset and email confirmation, with notes for
 * signed-in users both in the API and as a page; the auth events and observations it makes
 * are recorded for tests to read.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ ApiTestApplication.NotesController.class, RecordedEvents.class })
public class ApiTestApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@Bean
	RecordedObservations recordedObservations() {
		return new RecordedObservations();
	}

	@Bean
	ObservationRegistry observationRegistry(RecordedObservations recorded) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(recorded);
		return registry;
	}

	@RestController
	static class NotesController {

		@GetMapping("/api/v1/notes")
		@RequireAuthenticated
		Map<String, Object> apiNotes(@CurrentUser PowUser user) {
			return Map.of("data", Map.of("owner", user.getUserId()));
		}

		@PostMapping("/api/v1/notes")
		@RequireAuthenticated
		Map<String, Object> addNote(@CurrentUser PowUser user) {
			return Map.of("data", Map.of("added_by", user.getUserId()));
		}

		@GetMapping("/notes")
		@RequireAuthenticated
		String notes(@CurrentUser PowUser user) {
			return "notes of " + user.getUserId();
		}

	}

}
