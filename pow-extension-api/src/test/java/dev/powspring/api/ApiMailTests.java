package dev.powspring.api;

import java.time.Duration;
import java.util.Map;

import dev.powspring.api.ApiClient.Answer;
import dev.powspring.api.testapp.ApiTestApplication;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.test.mail.SmtpTestServer;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API mails, with email confirmation on: no token until the address is confirmed
 * (a 403 with a stable reason, and a link mailed, as on the web), a new confirmation link
 * on request, and a reset link on request; the same answer whether or not the account
 * exists.
 */
@PostgresTest
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiMailTests {

	@RegisterExtension
	static final SmtpTestServer mailbox = new SmtpTestServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mailbox.pointSpringMailAt(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private PowMailDelivery mailDelivery;

	@Autowired
	private PowUsersService users;

	@BeforeEach
	void startClean() {
		this.jdbc.sql("DELETE FROM users").update();
		mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
		this.clock.advance(Duration.ofHours(2));
	}

	@Test
	void unconfirmedThen403WithAReasonAndALinkMailedThenConfirmedThenTokens() {
		ApiClient api = new ApiClient(this.port);

		Answer registered = api.postJson("/api/v1/registration",
				Map.of("email", "jane@example.com", "password", "secret1234", "password_confirmation", "secret1234"),
				null);

		assertThat(registered.status()).isEqualTo(403);
		assertThat(registered.at("/error/reason")).isEqualTo("email_unconfirmed");
		assertThat(registered.at("/error/message")).startsWith("You'll need to confirm your e-mail");
		assertThat(registered.body()).doesNotContain("access_token");
		String link = mailbox.awaitMail("jane@example.com", "Confirm your email address").path("/confirm-email/");

		Answer signIn = api.postJson("/api/v1/session", Map.of("email", "jane@example.com", "password", "secret1234"),
				null);
		assertThat(signIn.status()).isEqualTo(403);
		assertThat(signIn.at("/error/reason")).isEqualTo("email_unconfirmed");
		mailbox.awaitMail("jane@example.com", "Confirm your email address");

		Browser browser = new Browser(this.port);
		browser.submit(browser.get(link), "form.pow-form", Map.of());

		assertThat(api.signIn("jane@example.com", "secret1234").accessToken()).isNotBlank();
	}

	@Test
	void askForANewConfirmationLinkThenMailedOnlyToAnAccountThatWaitsButTheSameAnswer() {
		ApiClient api = new ApiClient(this.port);
		api.postJson("/api/v1/registration",
				Map.of("email", "kim@example.com", "password", "secret1234", "password_confirmation", "secret1234"),
				null);
		mailbox.awaitMail("kim@example.com", "Confirm your email address");

		Answer known = api.postJson("/api/v1/email-confirmation", Map.of("email", "kim@example.com"), null);
		Answer unknown = api.postForm("/api/v1/email-confirmation", Map.of("email", "nobody@example.com"), null);

		assertThat(known.status()).isEqualTo(200);
		assertThat(known.body()).isEqualTo("{\"data\":{}}").isEqualTo(unknown.body());
		mailbox.awaitMail("kim@example.com", "Confirm your email address");
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("nobody@example.com")).isEmpty();
	}

	@Test
	void askForAResetLinkThenMailedToAnExistingAccountButTheSameAnswer() {
		ApiClient api = new ApiClient(this.port);
		this.users.create(new UserParams("ann@example.com", "secret1234", "secret1234"));

		Answer known = api.postForm("/api/v1/reset-password", Map.of("email", "ann@example.com"), null);
		Answer unknown = api.postJson("/api/v1/reset-password", Map.of("email", "nobody@example.com"), null);

		assertThat(known.status()).isEqualTo(200);
		assertThat(known.body()).isEqualTo("{\"data\":{}}").isEqualTo(unknown.body());
		String link = mailbox.awaitMail("ann@example.com", "Reset password link").path("/reset-password/");
		Browser browser = new Browser(this.port);
		assertThat(browser.get(link).status()).as("the link opens the web page").isEqualTo(200);
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("nobody@example.com")).isEmpty();
	}

	@Test
	void askForAMagicLinkThenMailedToAnExistingAccountButTheSameAnswerAndTheLinkSignsInOnTheWeb() {
		ApiClient api = new ApiClient(this.port);
		this.users.create(new UserParams("ann@example.com", "secret1234", "secret1234"));

		Answer known = api.postForm("/api/v1/magic-link", Map.of("email", "ann@example.com"), null);
		Answer unknown = api.postJson("/api/v1/magic-link", Map.of("email", "nobody@example.com"), null);

		assertThat(known.status()).isEqualTo(200);
		assertThat(known.body()).isEqualTo("{\"data\":{}}").isEqualTo(unknown.body());
		String link = mailbox.awaitMail("ann@example.com", "Your sign-in link").path("/magic-link/");
		Browser browser = new Browser(this.port);
		Browser.Page page = browser.get(link);
		assertThat(page.status()).as("the link opens the web page").isEqualTo(200);
		assertThat(browser.submit(page, "form.pow-form", Map.of()).status()).isEqualTo(302);
		assertThat(browser.cookie("pow_session")).as("signed in, and the address confirmed").isPresent();
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("nobody@example.com")).isEmpty();
	}

	@Test
	void askForMagicLinksTooOftenThen429() {
		ApiClient api = new ApiClient(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(api.postJson("/api/v1/magic-link", Map.of("email", "bob@example.com"), null).status())
				.isEqualTo(200);
		}

		Answer refused = api.postJson("/api/v1/magic-link", Map.of("email", "bob@example.com"), null);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("3600");
		assertThat(refused.at("/error/message")).startsWith("Too many attempts.");
	}

	@Test
	void lockedAccountThenNoResetOrConfirmationMailButTheSameAnswer() {
		ApiClient api = new ApiClient(this.port);
		PowUser eve = this.users.create(new UserParams("eve@example.com", "secret1234", "secret1234")).user();
		this.users.lock(eve, "spam");

		Answer reset = api.postJson("/api/v1/reset-password", Map.of("email", "eve@example.com"), null);
		Answer confirmation = api.postJson("/api/v1/email-confirmation", Map.of("email", "eve@example.com"), null);

		assertThat(reset.body()).isEqualTo("{\"data\":{}}");
		assertThat(confirmation.body()).isEqualTo("{\"data\":{}}");
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("eve@example.com")).isEmpty();
	}

}
