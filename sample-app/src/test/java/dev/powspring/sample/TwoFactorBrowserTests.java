package dev.powspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.twofactor.Totp;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
 * With {@code -Dpow.screenshots} it saves the README's screenshots of the enrolment and
 * the code page to {@code docs/images/}.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoFactorBrowserTests {

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
				"--user-data-dir=" + this.profile, "--window-size=1280,1100");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void enrolThenSignInWithCodeAndWithRecoveryCode() throws IOException {
		this.users.create(new UserParams("lee@example.com", "secret1234", "secret1234"));
		this.jdbc.sql("UPDATE users SET email_confirmed_at = CURRENT_TIMESTAMP WHERE email = ?")
			.param("lee@example.com")
			.update();
		signInWithPassword("lee@example.com", "secret1234");
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, lee@example.com.");

		open("/registration/edit");
		assertThat(text(".pow-two-factor-section")).contains("Two-factor sign-in is off.");
		click(By.linkText("Set up two-factor sign-in"));
		fill("current_password", "secret1234");
		click(By.cssSelector("form.pow-two-factor-setup button"));
		assertThat(this.driver.findElement(By.cssSelector(".pow-two-factor-qr img")).getDomAttribute("src"))
			.startsWith("data:image/svg+xml;base64,");
		click(By.cssSelector(".pow-two-factor-manual summary"));
		byte[] secret = Totp.fromBase32(text(".pow-two-factor-secret"));
		screenshot("two-factor-enrolment");
		long enrolmentStep = Totp.step(Instant.now());
		fill("code", Totp.code(secret, enrolmentStep));
		click(By.cssSelector("form.pow-two-factor-confirm button"));
		assertThat(text(".pow-flash")).isEqualTo("Two-factor sign-in is on.");
		List<String> recoveryCodes = this.driver.findElements(By.cssSelector(".pow-two-factor-recovery-codes code"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(recoveryCodes).hasSize(10);
		click(By.linkText("I have saved them"));
		assertThat(text("main")).contains("Two-factor sign-in is on.");

		signOut();
		signInWithPassword("lee@example.com", "secret1234");
		assertThat(this.driver.getCurrentUrl()).endsWith("/two-factor/new");
		assertThat(this.driver.findElements(By.cssSelector(".pow-whoami"))).as("not signed in yet").isEmpty();
		screenshot("two-factor-code");
		open("/notes");
		assertThat(this.driver.getCurrentUrl()).as("Spring Security sees no one signed in").contains("/session/new");
		open("/two-factor/new");
		// The enrolment used its step's code: an app shows the next one by now, which the
		// window accepts.
		fill("code", Totp.code(secret, Math.max(enrolmentStep, Totp.step(Instant.now())) + 1));
		click(By.cssSelector("main form.pow-form button[type=submit]"));
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, lee@example.com.");

		signOut();
		signInWithPassword("lee@example.com", "secret1234");
		fill("code", recoveryCodes.get(0));
		click(By.cssSelector("main form.pow-form button[type=submit]"));
		assertThat(text(".pow-flash")).startsWith("Signed in with a recovery code.");
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, lee@example.com.");
	}

	private void signInWithPassword(String email, String password) {
		open("/session/new");
		fill("userId", email);
		fill("password", password);
		click(By.cssSelector("main form.pow-form button[type=submit]"));
	}

	// Waits for the signed-out page: opening another page at once could cancel the sign-out.
	private void signOut() {
		click(By.cssSelector("header form button"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".pow-whoami")));
	}

	// Saved only when asked for, so that test runs leave the README's pictures alone.
	private void screenshot(String name) throws IOException {
		if (System.getProperty("pow.screenshots") == null) {
			return;
		}
		Path target = Path.of("..", "docs", "images", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
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
