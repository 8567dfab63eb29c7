package dev.powspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	private int port;

	@Autowired
	private PowUsersService users;

	@Autowired
	private JdbcClient jdbc;

	private WebDriver driver;

	private WebDriverWait wait;

	private VirtualAuthenticator authenticator;

	private Path profile;

	@BeforeEach
	void startBrowser() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Debian's chromium and chromium-driver packages: "
						+ "apt-get install -y chromium chromium-driver");
		this.profile = Files.createTempDirectory("pow-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile, "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
		this.authenticator = ((HasVirtualAuthenticator) this.driver)
			.addVirtualAuthenticator(new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
				.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
				.setHasResidentKey(true)
				.setHasUserVerification(true)
				.setIsUserVerified(true));
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void registerSignInWithAndRemoveAPasskey() {
		this.users.create(new UserParams("kim@example.com", "secret1234", "secret1234"));
		this.jdbc.sql("UPDATE users SET email_confirmed_at = CURRENT_TIMESTAMP WHERE email = ?")
			.param("kim@example.com")
			.update();

		open("/session/new");
		fill("userId", "kim@example.com");
		fill("password", "secret1234");
		click(By.cssSelector("main form.pow-form button[type=submit]"));
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, kim@example.com.");

		open("/registration/edit");
		click(By.linkText("Manage passkeys"));
		fill("name", "Laptop");
		click(By.cssSelector("#pow-passkey-add button[type=submit]"));
		assertThat(text(".pow-flash")).isEqualTo("The passkey has been added.");
		assertThat(text(".pow-passkey-name")).isEqualTo("Laptop");
		assertThat(text(".pow-passkey-last-used-at")).isEqualTo("Never");
		List<Credential> credentials = this.authenticator.getCredentials();
		assertThat(credentials).hasSize(1);
		assertThat(credentials.get(0).isResidentCredential()).as("a discoverable credential").isTrue();

		// Signed out, the sign-in page offers the passkey in the user-id field's autofill (a
		// conditional request), which the virtual authenticator answers as a user picking it.
		click(By.cssSelector("header form button"));
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, kim@example.com.");
		open("/registration/passkeys");
		assertThat(text(".pow-passkey-last-used-at")).as("signed in with the passkey").isNotEqualTo("Never");

		// Without autofill for passkeys, the button signs in.
		withoutConditionalMediation();
		signOut();
		open("/session/new");
		assertThat(this.driver.findElement(By.name("userId")).getDomAttribute("autocomplete")).isEqualTo("email");
		assertThat(this.driver.manage().getCookieNamed("persistent_session")).isNull();
		click(By.name("persistent_session"));
		signInWithPasskey();
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, kim@example.com.");
		assertThat(this.driver.manage().getCookieNamed("persistent_session")).as("kept signed in").isNotNull();

		open("/registration/passkeys");
		click(By.cssSelector("form.pow-passkey-remove button"));
		assertThat(text(".pow-flash")).isEqualTo("The passkey has been removed.");
		assertThat(text(".pow-passkeys-empty")).isEqualTo("You have no passkeys yet.");

		signOut();
		signInWithPasskey();
		assertThat(text(".pow-flash-error")).as("the removed passkey signs no one in")
			.isEqualTo("The passkey could not be verified. Please try again.");
		assertThat(this.driver.findElements(By.cssSelector(".pow-whoami"))).isEmpty();
	}

	// As a browser without autofill for passkeys: from the next page on, the script finds
	// conditional mediation unavailable.
	private void withoutConditionalMediation() {
		((ChromeDriver) this.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
				"if (window.PublicKeyCredential) { PublicKeyCredential.isConditionalMediationAvailable = "
						+ "function () { return Promise.resolve(false); }; }"));
	}

	private void signInWithPasskey() {
		if (!this.driver.getCurrentUrl().contains("/session/new")) {
			open("/session/new");
		}
		click(By.id("pow-passkey-sign-in"));
		this.wait.until((driver) -> !driver.getCurrentUrl().contains("/session/new")
				|| !driver.findElements(By.cssSelector(".pow-flash-error")).isEmpty());
	}

	// Waits for the signed-out page: opening another page at once could cancel the sign-out.
	private void signOut() {
		click(By.cssSelector("header form button"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".pow-whoami")));
	}

	private void open(String path) {
		this.driver.get("http://localhost:" + this.port + path);
	}

	private void click(By by) {
		this.wait.until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	private void fill(String name, String value) {
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
		field.clear();
		field.sendKeys(value);
	}

	private String text(String selector) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector))).getText();
	}

}
