package dev.powspring.notification;

import java.util.Map;

import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.mail.SmtpTestServer;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.web.WebTestApplication;
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
 * Notification mails through a real SMTP server: a sign-in from a browser without the
 * account's device cookie is mailed once, a known browser is not, and a password change
 * is mailed.
 */
@PostgresTest
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.notifications.new-device=true", "pow.notifications.password-changed=true",
				"pow.base-url=http://localhost" })
class NotificationMailsTests {

	@RegisterExtension
	static final SmtpTestServer mail = new SmtpTestServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mail.pointSpringMailAt(registry);
	}

	static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		this.jdbc.sql("DELETE FROM users").update();
		mail.clear();
	}

	@Test
	void aSignInFromANewBrowserIsMailedAndAKnownOneIsNot() {
		Browser first = new Browser(this.port);
		register(first);
		mail.awaitMail("ada@example.com", "New sign-in to your account");
		mail.clear();
		signOut(first);

		signIn(first);
		Browser stranger = new Browser(this.port).header("User-Agent", CHROME);
		signIn(stranger);

		ReceivedMail newDevice = mail.awaitMail("ada@example.com", "New sign-in to your account");
		assertThat(newDevice.text()).contains("Chrome on Windows", "127.0.0.1",
				"http://localhost/registration/sessions");
		assertThat(mail.receivedBy("ada@example.com")).hasSize(1);
	}

	@Test
	void aPasswordChangeIsMailed() {
		Browser browser = new Browser(this.port);
		register(browser, "grace@example.com");
		mail.awaitMail("grace@example.com", "New sign-in to your account");

		browser.submit(browser.get("/registration/edit"), "form.pow-form", Map.of("password", "newsecret567",
				"passwordConfirmation", "newsecret567", "currentPassword", "secret1234"));

		ReceivedMail changed = mail.awaitMail("grace@example.com", "Your password was changed");
		assertThat(changed.text()).contains("127.0.0.1").doesNotContain("newsecret567", "secret1234");
	}

	private void register(Browser browser) {
		register(browser, "ada@example.com");
	}

	// Each test mails its own address: Pow limits the mails one address gets in a window.
	private void register(Browser browser, String email) {
		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
	}

	private void signIn(Browser browser) {
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "ada@example.com", "password", "secret1234"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
	}

	private void signOut(Browser browser) {
		browser.submit(browser.get("/registration/edit"), "form[action$=/session]", Map.of());
	}

}
