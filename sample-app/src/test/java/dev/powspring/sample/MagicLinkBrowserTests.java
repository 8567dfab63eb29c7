package dev.powspring.sample;

import java.io.IOException;

import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.mail.TestMailbox;
import dev.powspring.test.postgres.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password-less sign-in in a real headless Chromium: register without a password, ask for
 * a sign-in link from the sign-in page, open it from the development mailbox, press
 * "Sign in" and land signed in (and remembered); the link then works no more.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages; without them the
 * test is skipped with a message saying so.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MagicLinkBrowserTests {

	@LocalServerPort
	private int port;

	private Chromium browser;

	private TestMailbox mailbox;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = Chromium.start(this.port);
		this.mailbox = new DevelopmentMailboxPages(this.port);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void registerWithoutPasswordThenSignInThroughTheMailedLink() {
		this.browser.open("/registration/new");
		this.browser.fill("userId", "mia@example.com");
		this.browser.submit();
		assertThat(this.browser.flash()).startsWith("You'll need to confirm your e-mail");

		this.browser.open("/session/new");
		this.browser.click(By.linkText("Email me a sign-in link"));
		this.browser.fill("email", "mia@example.com");
		this.browser.submit();
		assertThat(this.browser.flash()).startsWith("If an account for the provided email exists");

		ReceivedMail mail = this.mailbox.awaitMail("mia@example.com", "Your sign-in link");
		this.browser.open("/dev/mailbox");
		this.browser.click(By.cssSelector("[data-test=mail] a[href='" + mail.id() + "']"));
		assertThat(this.browser.text("[data-test=subject]")).isEqualTo("Your sign-in link");
		this.browser.click(By.cssSelector("[data-test=text] a[href*='/magic-link/']"));
		String link = this.browser.currentUrl();
		assertThat(this.browser.text("main h1")).isEqualTo("Sign in");
		assertThat(this.browser.driver().manage().getCookieNamed("pow_session")).as("opening the link signs no one in")
			.isNull();
		this.browser.click(By.name("persistent_session"));
		this.browser.submit();

		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, mia@example.com.");
		assertThat(this.browser.driver().manage().getCookieNamed("persistent_session")).as("kept signed in").isNotNull();

		this.browser.click(By.cssSelector("header form button"));
		this.browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".pow-whoami")));
		this.browser.driver().get(link);
		assertThat(this.browser.text(".pow-flash-error")).startsWith("The sign-in link is invalid or has expired.");
	}
}
