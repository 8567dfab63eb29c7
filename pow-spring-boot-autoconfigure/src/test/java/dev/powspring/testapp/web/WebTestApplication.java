package dev.powspring.testapp.web;

import java.util.concurrent.atomic.AtomicInteger;

import dev.powspring.test.time.MutableClock;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An application with a public home page, a page for signed-in users, and a JSON API
 * guarded by a path pattern.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(NotesController.class)
public class WebTestApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@Bean
	SessionCounter sessionCounter() {
		return new SessionCounter();
	}

	/**
	 * Counts servlet sessions, which Pow must never create.
	 */
	public static class SessionCounter implements HttpSessionListener {

		private final AtomicInteger created = new AtomicInteger();

		@Override
		public void sessionCreated(HttpSessionEvent event) {
			this.created.incrementAndGet();
		}

		public int created() {
			return this.created.get();
		}

	}

}
