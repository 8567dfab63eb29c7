package dev.powspring.sample;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.mail.TestMailbox;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample runs under Spring Security with its own filter chain and Pow added in one
 * line: over real HTTP against PostgreSQL, every flow works, Spring Security guards the
 * notes with the Pow user as principal, forged forms are refused, and no servlet session
 * is ever created.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SpringSecurityFlowTests.HttpSessions.class)
class SpringSecurityFlowTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private HttpSessions httpSessions;

	@Autowired
	private PowMailDelivery mailDelivery;

	private TestMailbox mailbox;

	@BeforeEach
	void start() {
		this.jdbc.sql("DELETE FROM notes").update();
		this.jdbc.sql("DELETE FROM users").update();
		this.mailbox = new DevelopmentMailboxPages(this.port);
		this.mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
	}

	@AfterEach
	void noHttpSession() {
		assertThat(this.httpSessions.created.get()).as("servlet sessions created").isZero();
	}

	@Test
	void everyFlowWorksThroughSpringSecurity() {
		Browser jane = browser();
		assertThat(SampleFlows.register(jane, this.mailbox, "jane@example.com")).isEqualTo("Welcome, jane@example.com.");
		addNote(jane, "Buy oat milk");
		assertThat(jane.get("/notes").text("[data-test=note] .pow-note-body")).isEqualTo("Buy oat milk");

		signOut(jane);
		assertThat(jane.get("/notes").location()).contains("/session/new?request_path=%2Fnotes");

		Browser.Page signedIn = jane.submit(jane.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "persistent_session", "true"));
		assertThat(signedIn.status()).isEqualTo(302);
		Browser restored = browser();
		restored.setCookie("persistent_session", jane.cookie("persistent_session").orElseThrow().getValue());
		assertThat(restored.get("/notes").text("[data-test=note] .pow-note-body"))
			.as("remember-me restores the user for Spring Security's rules")
			.isEqualTo("Buy oat milk");
		signOut(jane);

		Browser.Page resetAsked = jane.submit(jane.get("/reset-password/new"), "form.pow-form",
				Map.of("email", "jane@example.com"));
		assertThat(resetAsked.status()).isEqualTo(302);
		String reset = this.mailbox.awaitMail("jane@example.com", "Reset password link").path("/reset-password/");
		assertThat(jane.submit(jane.get(reset), "form.pow-form",
				Map.of("password", "new-secret-99", "passwordConfirmation", "new-secret-99"))
			.status()).isEqualTo(302);
		assertThat(signIn(jane, "jane@example.com", "new-secret-99").status()).isEqualTo(302);

		Browser.Page invited = jane.submit(jane.get("/invitations/new"), "form.pow-form",
				Map.of("userId", "joe@example.com"));
		assertThat(invited.status()).isEqualTo(302);
		String invitation = this.mailbox.awaitMail("joe@example.com", "You've been invited").path("/invitations/");
		Browser joe = browser();
		Browser.Page accepted = joe.submit(joe.get(invitation), "form.pow-form",
				Map.of("password", "joe-secret-1", "passwordConfirmation", "joe-secret-1"));
		assertThat(joe.follow(accepted).text("[data-test=greeting]")).isEqualTo("Welcome, joe@example.com.");
		assertThat(joe.get("/notes").status()).isEqualTo(200);
	}

	@Test
	void springSecurityLogoutThenSessionAndRememberMeBothEnded() {
		Browser kim = browser();
		SampleFlows.register(kim, this.mailbox, "kim@example.com");
		signOut(kim);
		kim.submit(kim.get("/session/new"), "form.pow-form",
				Map.of("userId", "kim@example.com", "password", "secret1234", "persistent_session", "true"));
		String rememberMe = kim.cookie("persistent_session").orElseThrow().getValue();
		String token = kim.get("/").document().selectFirst("header form input[name=_csrf]").attr("value");

		Browser.Page loggedOut = kim.post("/logout", Map.of("_csrf", token));

		assertThat(loggedOut.location()).endsWith("/session/new");
		assertThat(kim.get("/notes").status()).isEqualTo(302);
		Browser replay = browser();
		replay.setCookie("persistent_session", rememberMe);
		assertThat(replay.get("/notes").status()).as("the remember-me cookie of before the logout").isEqualTo(302);
	}

	@Test
	void unconfirmedEmailThenSignInRefusedUnderSpringSecurity() {
		Browser ann = browser();
		Browser.Page registered = ann.submit(ann.get("/registration/new"), "form.pow-form",
				Map.of("userId", "ann@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(ann.follow(registered).text(".pow-flash-info")).startsWith("You'll need to confirm your e-mail");

		Browser.Page refused = signIn(ann, "ann@example.com", "secret1234");

		assertThat(refused.location()).endsWith("/session/new");
		assertThat(ann.follow(refused).text(".pow-flash-info")).startsWith("You'll need to confirm your e-mail");
		assertThat(ann.cookie("pow_session")).isEmpty();
		assertThat(ann.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void anonymousRequestsThenSignInPageOrJson401() {
		Browser stranger = browser();

		assertThat(stranger.get("/").status()).isEqualTo(200);
		assertThat(stranger.get("/notes").location()).endsWith("/session/new?request_path=%2Fnotes");
		Browser.Page api = stranger.get("/notes", "application/json");
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.body()).contains("\"status\":401");
	}

	@Test
	void forgedFormThenRefusedAndNothingSaved() {
		Browser bob = browser();
		SampleFlows.register(bob, this.mailbox, "bob@example.com");

		assertThat(bob.post("/notes", Map.of("body", "forged")).status()).isEqualTo(403);
		assertThat(bob.post("/notes", Map.of("body", "forged", "_csrf", "a:forged.token")).status()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notes").query(Long.class).single()).isZero();
	}

	private void addNote(Browser browser, String body) {
		assertThat(browser.submit(browser.get("/notes"), "form.pow-form", Map.of("body", body)).status())
			.isEqualTo(302);
	}

	private static Browser.Page signIn(Browser browser, String email, String password) {
		return browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", password));
	}

	private static void signOut(Browser browser) {
		assertThat(browser.submit(browser.get("/"), "header form", Map.of()).status()).isEqualTo(302);
	}

	private Browser browser() {
		return new Browser(this.port);
	}

	/**
	 * Counts servlet sessions, which neither Pow nor Spring Security may create here; as a
	 * listener bean it is registered with the server.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class HttpSessions implements HttpSessionListener {

		final AtomicInteger created = new AtomicInteger();

		@Override
		public void sessionCreated(HttpSessionEvent event) {
			this.created.incrementAndGet();
		}

	}

}
