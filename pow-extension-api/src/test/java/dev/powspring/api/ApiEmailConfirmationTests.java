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
 * With email confirmation on, an API client gets no token until the address is confirmed:
 * a 403 with a stable reason, and a confirmation link mailed, as on the web.
 */
@PostgresTest
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiEmailConfirmationTests {

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

}
