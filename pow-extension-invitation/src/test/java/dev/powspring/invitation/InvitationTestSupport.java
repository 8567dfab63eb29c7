package dev.powspring.invitation;

import java.time.Duration;
import java.util.Map;

import dev.powspring.invitation.testapp.InvitationTestApplication;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.mail.SmtpTestServer;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
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
 * Runs the invitation test application over PostgreSQL with a real SMTP server, with
 * email confirmation on; every test starts with Jane signed in as the inviter.
 */
@PostgresTest
@SpringBootTest(classes = InvitationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class InvitationTestSupport {

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

	protected Browser inviter;

	@BeforeEach
	void startClean() throws Exception {
		this.jdbc.sql("DELETE FROM users").update();
		mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
		this.clock.advance(Duration.ofHours(2));
		this.inviter = signedIn("jane@example.com");
	}

	protected Browser browser() {
		return new Browser(this.port);
	}

	protected Browser signedIn(String email) {
		assertThat(this.users.create(new UserParams(email, "secret1234", "secret1234")).succeeded()).isTrue();
		this.jdbc.sql("UPDATE users SET email_confirmed_at = now() WHERE email = ?").param(email).update();
		Browser browser = browser();
		assertThat(signIn(browser, email, "secret1234").status()).isEqualTo(302);
		return browser;
	}

	protected static Browser.Page signIn(Browser browser, String email, String password) {
		return browser.submit(browser.get("/session/new"), "form.pow-form", Map.of("userId", email, "password", password));
	}

	protected static Browser.Page invite(Browser inviter, String email) {
		return inviter.submit(inviter.get("/invitations/new"), "form.pow-form", Map.of("userId", email));
	}

	protected static ReceivedMail invitationTo(String recipient) {
		return mailbox.awaitMail(recipient, "You've been invited");
	}

	protected static String acceptPath(ReceivedMail mail) {
		return mail.path("/invitations/");
	}

	protected static Browser.Page accept(Browser browser, String path, String email, String password) {
		return browser.submit(browser.get(path), "form.pow-form",
				Map.of("userId", email, "password", password, "passwordConfirmation", password));
	}

}
