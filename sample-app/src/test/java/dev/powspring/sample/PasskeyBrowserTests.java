package dev.powspring.sample;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real headless Chromium, with Chrome's virtual authenticator standing in
 * for a platform authenticator (CTAP2, internal transport, resident keys, user
 * verification): register a passkey on the account page, sign out, sign in with it
 * alone (through the sign-in field's autofill, and through the button), and remove it,
 * after which it signs no one in.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages, as
 * {@code BrowserFlowTests} does; without them the test is skipped.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasskeyBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PowUsersService users;

	@Autowired
	private JdbcClient jdbc;

	private Chromium browser;

	private VirtualAuthenticator authenticator;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = Chromium.start(this.port);
		this.authenticator = ((HasVirtualAuthenticator) this.browser.driver())
			.addVirtualAuthenticator(new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
				.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
				.setHasResidentKey(true)
				.setHasUserVerification(true)
				.setIsUserVerified(true));
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void registerSignInWithAndRemoveAPasskey() {
		this.users.create(new UserParams("kim@example.com", "secret1234", "secret1234"));
		this.jdbc.sql("UPDATE users SET email_confirmed_at = CURRENT_TIMESTAMP WHERE email = ?")
			.param("kim@example.com")
			.update();

		this.browser.open("/session/new");
		this.browser.fill("userId", "kim@example.com");
		this.browser.fill("password", "secret1234");
		this.browser.submit();
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, kim@example.com.");

		this.browser.open("/registration/edit");
		this.browser.click(By.linkText("Manage passkeys"));
		this.browser.fill("name", "Laptop");
		this.browser.click(By.cssSelector("#pow-passkey-add button[type=submit]"));
		assertThat(this.browser.flash()).isEqualTo("The passkey has been added.");
		assertThat(this.browser.text(".pow-passkey-name")).isEqualTo("Laptop");
		assertThat(this.browser.text(".pow-passkey-last-used-at")).isEqualTo("Never");
		List<Credential> credentials = this.authenticator.getCredentials();
		assertThat(credentials).hasSize(1);
		assertThat(credentials.get(0).isResidentCredential()).as("a discoverable credential").isTrue();

		// Signed out, the sign-in page offers the passkey in the user-id field's autofill (a
		// conditional request), which the virtual authenticator answers as a user picking it.
		this.browser.click(By.cssSelector("header form button"));
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, kim@example.com.");
		this.browser.open("/registration/passkeys");
		assertThat(this.browser.text(".pow-passkey-last-used-at")).as("signed in with the passkey").isNotEqualTo("Never");

		// Without autofill for passkeys, the button signs in.
		withoutConditionalMediation();
		this.browser.signOut();
		this.browser.open("/session/new");
		assertThat(this.browser.driver().findElement(By.name("userId")).getDomAttribute("autocomplete")).isEqualTo("email");
		assertThat(this.browser.driver().manage().getCookieNamed("persistent_session")).isNull();
		this.browser.click(By.name("persistent_session"));
		signInWithPasskey();
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, kim@example.com.");
		assertThat(this.browser.driver().manage().getCookieNamed("persistent_session")).as("kept signed in").isNotNull();

		this.browser.open("/registration/passkeys");
		this.browser.click(By.cssSelector("form.pow-passkey-remove button"));
		assertThat(this.browser.flash()).isEqualTo("The passkey has been removed.");
		assertThat(this.browser.text(".pow-passkeys-empty")).isEqualTo("You have no passkeys yet.");

		this.browser.signOut();
		signInWithPasskey();
		assertThat(this.browser.text(".pow-flash-error")).as("the removed passkey signs no one in")
			.isEqualTo("The passkey could not be verified. Please try again.");
		assertThat(this.browser.signedIn()).isFalse();
	}

	// As a browser without autofill for passkeys: from the next page on, the script finds
	// conditional mediation unavailable.
	private void withoutConditionalMediation() {
		this.browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
				"if (window.PublicKeyCredential) { PublicKeyCredential.isConditionalMediationAvailable = "
						+ "function () { return Promise.resolve(false); }; }"));
	}

	private void signInWithPasskey() {
		if (!this.browser.currentUrl().contains("/session/new")) {
			this.browser.open("/session/new");
		}
		this.browser.click(By.id("pow-passkey-sign-in"));
		this.browser.waiting().until((driver) -> !driver.getCurrentUrl().contains("/session/new")
				|| !driver.findElements(By.cssSelector(".pow-flash-error")).isEmpty());
	}
}
