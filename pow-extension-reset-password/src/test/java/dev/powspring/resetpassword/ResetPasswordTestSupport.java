package dev.powspring.resetpassword;

import java.time.Duration;
import java.util.Map;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.resetpassword.testapp.ResetPasswordTestApplication;
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
 * Runs the reset-password test application over PostgreSQL with a real SMTP server.
 */
@PostgresTest
@SpringBootTest(classes = ResetPasswordTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ResetPasswordTestSupport {

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

	protected void register(String email, String password) {
		assertThat(this.users.create(new UserParams(email, password, password)).succeeded()).isTrue();
	}

	protected Browser.Page requestReset(Browser browser, String email) {
		return browser.submit(browser.get("/reset-password/new"), "form.pow-form", Map.of("email", email));
	}

	protected ReceivedMail resetMailTo(String recipient) {
		return mailbox.awaitMail(recipient, "Reset password link");
	}

	protected static String resetPath(ReceivedMail mail) {
		return mail.path("/reset-password/");
	}

	protected Browser.Page chooseNewPassword(Browser browser, String path, String password, String confirmation) {
		return browser.submit(browser.get(path), "form.pow-form",
				Map.of("password", password, "passwordConfirmation", confirmation));
	}

}
