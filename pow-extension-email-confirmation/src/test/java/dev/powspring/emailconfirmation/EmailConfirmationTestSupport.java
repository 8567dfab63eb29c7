package dev.powspring.emailconfirmation;

import java.time.Duration;
import java.util.Map;

import dev.powspring.emailconfirmation.testapp.EmailConfirmationTestApplication;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.mail.SmtpTestServer;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the email-confirmation test application over PostgreSQL with a real SMTP server.
 */
@PostgresTest
@SpringBootTest(classes = EmailConfirmationTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EmailConfirmationTestSupport {

	@RegisterExtension
	static final SmtpTestServer mailbox = new SmtpTestServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mailbox.pointSpringMailAt(registry);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected PowMailDelivery mailDelivery;

	@BeforeEach
	void startClean() throws Exception {
		this.jdbc.sql("DELETE FROM users").update();
		mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
		// Past the per-recipient mail window of earlier tests.
		this.clock.advance(Duration.ofHours(2));
	}

	protected Browser browser() {
		return new Browser(this.port);
	}

	protected Browser.Page register(Browser browser, String email, String password) {
		return browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", password, "passwordConfirmation", password));
	}

	protected Browser.Page signIn(Browser browser, String email, String password) {
		return browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", password));
	}

	protected ReceivedMail confirmationMailTo(String recipient) {
		return mailbox.awaitMail(recipient, "Confirm your email address");
	}

	protected static String confirmationPath(ReceivedMail mail) {
		return mail.path("/confirm-email/");
	}

	/**
	 * Open a confirmation link and press its button.
	 */
	protected Browser.Page confirm(Browser browser, String path) {
		Browser.Page page = browser.get(path);
		assertThat(page.status()).as("confirmation page").isEqualTo(200);
		return browser.submit(page, "form.pow-form", Map.of());
	}

	/**
	 * Register and confirm; the browser ends signed in.
	 */
	protected Browser confirmedUser(String email, String password) {
		Browser browser = browser();
		register(browser, email, password);
		confirm(browser, confirmationPath(confirmationMailTo(email)));
		assertThat(signIn(browser, email, password).status()).isEqualTo(302);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
		return browser;
	}

	protected String column(String column, String email) {
		return this.jdbc.sql("SELECT " + column + " FROM users WHERE email = ?")
			.param(email)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
