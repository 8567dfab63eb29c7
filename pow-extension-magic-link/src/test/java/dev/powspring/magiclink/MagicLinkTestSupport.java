package dev.powspring.magiclink;

import java.time.Duration;
import java.util.Map;

import dev.powspring.magiclink.testapp.MagicLinkTestApplication;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.mail.SmtpTestServer;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
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
 * Runs the magic-link test application over PostgreSQL with a real SMTP server, email
 * confirmation, remember-me and two-factor sign-in on.
 */
@PostgresTest
@SpringBootTest(classes = MagicLinkTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MagicLinkTestSupport {

	@RegisterExtension
	static final SmtpTestServer mailbox = new SmtpTestServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mailbox.pointSpringMailAt(registry);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected PowUsersService users;

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
		// Past the mail and throttling windows of earlier tests.
		this.clock.advance(Duration.ofHours(2));
	}

	protected Browser browser() {
		return new Browser(this.port);
	}

	protected String prefix() {
		return "";
	}

	protected PowUser register(String email, String password) {
		UserParams params = new UserParams(email, password, password);
		var result = this.users.create(params);
		assertThat(result.succeeded()).isTrue();
		return result.user();
	}

	protected Browser.Page requestLink(Browser browser, String email) {
		return browser.submit(browser.get(prefix() + "/magic-link/new"), "form.pow-form", Map.of("email", email));
	}

	protected ReceivedMail linkMailTo(String recipient) {
		return mailbox.awaitMail(recipient, "Your sign-in link");
	}

	protected String linkPath(ReceivedMail mail) {
		return mail.path(prefix() + "/magic-link/");
	}

	protected String requestLinkPath(String email) {
		requestLink(browser(), email);
		return linkPath(linkMailTo(email));
	}

	protected Browser.Page pressSignIn(Browser browser, String path) {
		return pressSignIn(browser, path, Map.of());
	}

	protected Browser.Page pressSignIn(Browser browser, String path, Map<String, String> fields) {
		Browser.Page page = browser.get(path);
		assertThat(page.status()).as("the page the link opens").isEqualTo(200);
		return browser.submit(page, "form.pow-form", fields);
	}

	protected boolean confirmed(String email) {
		return this.jdbc.sql("SELECT email_confirmed_at IS NOT NULL FROM users WHERE email = :email")
			.param("email", email)
			.query(Boolean.class)
			.single();
	}

	protected static Browser.Page signInWithPassword(Browser browser, String email, String password) {
		return browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", password));
	}

	protected void assertInvalidLink(Browser browser, Browser.Page answer) {
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith(prefix() + "/magic-link/new");
		assertThat(browser.follow(answer).text(".pow-flash-error"))
			.isEqualTo("The sign-in link is invalid or has expired. Please ask for a new one.");
	}

}
