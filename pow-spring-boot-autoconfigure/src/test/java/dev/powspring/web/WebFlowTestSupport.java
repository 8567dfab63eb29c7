package dev.powspring.web;

import dev.powspring.test.web.Browser;
import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.testapp.web.WebTestApplication;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link WebTestApplication} on a random port over PostgreSQL, with a browser per
 * test and steps shared by the flow tests.
 */
@PostgresTest
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "pow.guards.authenticated-paths=/api/**")
abstract class WebFlowTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
	}

	protected Browser browser() {
		return new Browser(this.port);
	}

	/**
	 * Register through the sign-up form; the browser ends signed in.
	 */
	protected Browser.Page register(Browser browser, String email, String password) {
		Browser.Page form = browser.get("/registration/new");
		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", email, "password", password, "passwordConfirmation", password));
		assertThat(answer.status()).as("registration of %s: %s", email, answer.body()).isEqualTo(302);
		return answer;
	}

	/**
	 * Sign in through the sign-in form.
	 */
	protected Browser.Page signIn(Browser browser, String email, String password) {
		Browser.Page form = browser.get("/session/new");
		return browser.submit(form, "form.pow-form", Map.of("userId", email, "password", password));
	}

	protected long userCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

}
