package dev.powspring.sample;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.twofactor.Totp;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in in a real headless Chromium: set it up from the account page with
 * the key the page shows (codes are computed here, as an authenticator app would), keep
 * the recovery codes, sign out, sign in with password and code, and once with a recovery
 * code. A sign-in waiting for its code passes neither Pow's guards nor Spring Security's.
 * <p>
 * With {@code -Dpow.screenshots=DIR} it saves the README's screenshots of the enrolment
 * and the code page there.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoFactorBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PowUsersService users;

	@Autowired
	private JdbcClient jdbc;

	private Chromium browser;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = Chromium.start(this.port);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void enrolThenSignInWithCodeAndWithRecoveryCode() throws IOException {
		this.users.create(new UserParams("lee@example.com", "secret1234", "secret1234"));
		this.jdbc.sql("UPDATE users SET email_confirmed_at = CURRENT_TIMESTAMP WHERE email = ?")
			.param("lee@example.com")
			.update();
		this.browser.signIn("lee@example.com", "secret1234");
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, lee@example.com.");

		this.browser.open("/registration/edit");
		assertThat(this.browser.text(".pow-two-factor-section")).contains("Two-factor sign-in is off.");
		this.browser.click(By.linkText("Set up two-factor sign-in"));
		this.browser.fill("current_password", "secret1234");
		this.browser.click(By.cssSelector("form.pow-two-factor-setup button"));
		assertThat(this.browser.driver().findElement(By.cssSelector(".pow-two-factor-qr img")).getDomAttribute("src"))
			.startsWith("data:image/svg+xml;base64,");
		this.browser.click(By.cssSelector(".pow-two-factor-manual summary"));
		byte[] secret = Totp.fromBase32(this.browser.text(".pow-two-factor-secret"));
		this.browser.screenshot("two-factor-enrolment");
		long enrolmentStep = Totp.step(Instant.now());
		this.browser.fill("code", Totp.code(secret, enrolmentStep));
		this.browser.click(By.cssSelector("form.pow-two-factor-confirm button"));
		assertThat(this.browser.flash()).isEqualTo("Two-factor sign-in is on.");
		List<String> recoveryCodes = this.browser.driver().findElements(By.cssSelector(".pow-two-factor-recovery-codes code"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(recoveryCodes).hasSize(10);
		this.browser.click(By.linkText("I have saved them"));
		assertThat(this.browser.text("main")).contains("Two-factor sign-in is on.");

		this.browser.signOut();
		this.browser.signIn("lee@example.com", "secret1234");
		assertThat(this.browser.currentUrl()).endsWith("/two-factor/new");
		assertThat(this.browser.signedIn()).as("not signed in yet").isFalse();
		this.browser.screenshot("two-factor-code");
		this.browser.open("/notes");
		assertThat(this.browser.currentUrl()).as("Spring Security sees no one signed in").contains("/session/new");
		this.browser.open("/two-factor/new");
		// The enrolment used its step's code: an app shows the next one by now, which the
		// window accepts.
		this.browser.fill("code", Totp.code(secret, Math.max(enrolmentStep, Totp.step(Instant.now())) + 1));
		this.browser.submit();
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, lee@example.com.");

		this.browser.signOut();
		this.browser.signIn("lee@example.com", "secret1234");
		this.browser.fill("code", recoveryCodes.get(0));
		this.browser.submit();
		assertThat(this.browser.flash()).startsWith("Signed in with a recovery code.");
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, lee@example.com.");
	}
}
