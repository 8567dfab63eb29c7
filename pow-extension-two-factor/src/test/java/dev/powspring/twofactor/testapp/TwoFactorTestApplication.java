package dev.powspring.twofactor.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.admin.AdminActionEvent;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.session.CurrentUser;
import dev.powspring.test.time.MutableClock;
import dev.powspring.twofactor.TwoFactorDisabledEvent;
import dev.powspring.twofactor.TwoFactorEnabledEvent;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
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

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

	/**
	 * The application events of two-factor sign-in and the admin console, and the auth
	 * events, as published.
	 */
	public static class RecordedEvents {

		private final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener({ TwoFactorEnabledEvent.class, TwoFactorDisabledEvent.class, AdminActionEvent.class,
				PowAuthEvent.class })
		void record(Object event) {
			this.events.add(event);
		}

		public <T> List<T> of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

		public void clear() {
			this.events.clear();
		}

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
