package dev.powspring.resetpassword;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.powspring.resetpassword.testapp.ResetPasswordTestApplication;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
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

	private static final Pattern LINK = Pattern.compile("(https?://\\S+/reset-password/\\S+)");

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected PowUsersService users;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@BeforeEach
	void startClean() throws Exception {
		this.jdbc.sql("DELETE FROM users").update();
		greenMail.purgeEmailFromAllMailboxes();
		// Past the per-recipient mail window of earlier tests.
		this.clock.advance(Duration.ofMinutes(5));
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

	/**
	 * Wait for the next mail and return it.
	 */
	protected MimeMessage nextMail(int expectedTotal) {
		assertThat(greenMail.waitForIncomingEmail(10_000, expectedTotal)).as("mail arrived").isTrue();
		MimeMessage[] messages = greenMail.getReceivedMessages();
		return messages[messages.length - 1];
	}

	protected static String linkIn(MimeMessage mail) {
		Matcher matcher = LINK.matcher(textOf(mail));
		assertThat(matcher.find()).as("link in the mail").isTrue();
		return matcher.group(1);
	}

	/**
	 * Return the decoded text/plain part of a mail.
	 */
	protected static String textOf(Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String text = textOf(multipart.getBodyPart(i));
					if (text != null) {
						return text;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String pathOf(String link) {
		return link.replaceFirst("^https?://[^/]+", "");
	}

	protected Browser.Page chooseNewPassword(Browser browser, String path, String password, String confirmation) {
		return browser.submit(browser.get(path), "form.pow-form",
				Map.of("password", password, "passwordConfirmation", confirmation));
	}

}
