package dev.powspring.admin.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.admin.AdminActionEvent;
import dev.powspring.session.CurrentUser;
import dev.powspring.test.time.MutableClock;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with Pow, the admin console, email confirmation and remember-me, which
 * keeps every admin action event it hears.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AdminTestApplication.NotesController.class)
public class AdminTestApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@Bean
	AdminEvents adminEvents() {
		return new AdminEvents();
	}

	/**
	 * The admin action events published so far.
	 */
	public static class AdminEvents implements ApplicationListener<AdminActionEvent> {

		private final List<AdminActionEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AdminActionEvent event) {
			this.events.add(event);
		}

		public List<AdminActionEvent> all() {
			return List.copyOf(this.events);
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
