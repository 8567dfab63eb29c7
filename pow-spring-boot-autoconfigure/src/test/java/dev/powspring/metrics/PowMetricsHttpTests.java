package dev.powspring.metrics;

import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.web.WebTestApplication;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pow's meters in an application with Actuator, over HTTP and the JDBC store: what a
 * scripted sequence of registrations and sign-ins leaves in the registry.
 */
@PostgresTest
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.store.type=jdbc", "pow.throttle.sign-in-per-account.max=3" })
class PowMetricsHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PowUsersService users;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
	}

	@Test
	void signInsRegistrationsAndLiveSessionsAreCounted() {
		double registrations = count("pow.registrations");
		double succeeded = count("pow.sign.ins", "outcome", "success", "method", "password", "reason", "none");
		double allSucceeded = sum("pow.sign.ins", "outcome", "success");
		double failed = count("pow.sign.ins", "outcome", "failure", "method", "password", "reason", "bad_credentials");
		long timedSuccesses = timed("success");
		long timedFailures = timed("failure");
		double live = liveSessions();

		register(new Browser(this.port), "jane@example.com", "secret1234");
		assertThat(signIn(new Browser(this.port), "jane@example.com", "secret1234").status()).isEqualTo(302);
		assertThat(signIn(new Browser(this.port), "jane@example.com", "secret1234").status()).isEqualTo(302);
		assertThat(signIn(new Browser(this.port), "jane@example.com", "wrong-password").status()).isEqualTo(200);

		assertThat(count("pow.registrations") - registrations).isEqualTo(1);
		assertThat(count("pow.sign.ins", "outcome", "success", "method", "password", "reason", "none") - succeeded)
			.isEqualTo(2);
		assertThat(sum("pow.sign.ins", "outcome", "success") - allSucceeded).as("the registration signs in too")
			.isEqualTo(3);
		assertThat(count("pow.sign.ins", "outcome", "failure", "method", "password", "reason", "bad_credentials")
				- failed)
			.isEqualTo(1);
		assertThat(timed("success") - timedSuccesses).as("sign-ins through the form, timed").isEqualTo(2);
		assertThat(timed("failure") - timedFailures).isEqualTo(1);
		assertThat(liveSessions() - live).as("live sessions in the JDBC store").isEqualTo(3);
		assertThat(this.registry.get("pow.sessions.live").gauge().getId().getTag("realm")).isEqualTo("default");
	}

	@Test
	void aSignInRefusedByALockedAccountIsAFailure() {
		register(new Browser(this.port), "joe@example.com", "secret1234");
		PowUser joe = this.users.getByUserId("joe@example.com").orElseThrow();
		this.users.lock(joe, "spam");
		double locked = count("pow.sign.ins", "outcome", "failure", "method", "password", "reason", "locked");

		signIn(new Browser(this.port), "joe@example.com", "secret1234");

		assertThat(count("pow.sign.ins", "outcome", "failure", "method", "password", "reason", "locked") - locked)
			.isEqualTo(1);
	}

	@Test
	void throttledSignInsAreCountedByLimit() {
		double refusals = count("pow.throttle.refusals", "limit", "sign_in_account");
		double throttled = count("pow.sign.ins", "outcome", "failure", "method", "password", "reason", "throttled");

		for (int attempt = 0; attempt < 3; attempt++) {
			signIn(new Browser(this.port), "mallory@example.com", "guess-" + attempt);
		}
		Browser.Page refused = signIn(new Browser(this.port), "mallory@example.com", "guess-3");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(count("pow.throttle.refusals", "limit", "sign_in_account") - refusals).isEqualTo(1);
		assertThat(count("pow.sign.ins", "outcome", "failure", "method", "password", "reason", "throttled")
				- throttled)
			.isEqualTo(1);
	}

	private void register(Browser browser, String email, String password) {
		Browser.Page form = browser.get("/registration/new");
		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", email, "password", password, "passwordConfirmation", password));
		assertThat(answer.status()).as("registration of %s: %s", email, answer.body()).isEqualTo(302);
	}

	private Browser.Page signIn(Browser browser, String email, String password) {
		Browser.Page form = browser.get("/session/new");
		return browser.submit(form, "form.pow-form", Map.of("userId", email, "password", password));
	}

	private double count(String name, String... tags) {
		Counter counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double sum(String name, String... tags) {
		return this.registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
	}

	private long timed(String outcome) {
		Timer timer = this.registry.find("pow.sign.in").tags("method", "password", "outcome", outcome).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private double liveSessions() {
		return this.registry.get("pow.sessions.live").gauge().value();
	}

}
