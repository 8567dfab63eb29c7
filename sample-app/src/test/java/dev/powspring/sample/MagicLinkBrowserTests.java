package dev.powspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.mail.TestMailbox;
import dev.powspring.test.postgres.PostgresTest;
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

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	private int port;

	private WebDriver driver;

	private WebDriverWait wait;

	private TestMailbox mailbox;

	@BeforeEach
	void startBrowser() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Debian's chromium and chromium-driver packages: "
						+ "apt-get install -y chromium chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + Files.createTempDirectory("pow-chromium"), "--window-size=1280,900");
		this.driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(10));
		this.mailbox = new DevelopmentMailboxPages(this.port);
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void registerWithoutPasswordThenSignInThroughTheMailedLink() {
		open("/registration/new");
		fill("userId", "mia@example.com");
		click(By.cssSelector("main form.pow-form button[type=submit]"));
		assertThat(flash()).startsWith("You'll need to confirm your e-mail");

		open("/session/new");
		click(By.linkText("Email me a sign-in link"));
		fill("email", "mia@example.com");
		click(By.cssSelector("main form.pow-form button[type=submit]"));
		assertThat(flash()).startsWith("If an account for the provided email exists");

		ReceivedMail mail = this.mailbox.awaitMail("mia@example.com", "Your sign-in link");
		open("/dev/mailbox");
		click(By.cssSelector("[data-test=mail] a[href='" + mail.id() + "']"));
		assertThat(text("[data-test=subject]")).isEqualTo("Your sign-in link");
		click(By.cssSelector("[data-test=text] a[href*='/magic-link/']"));
		String link = this.driver.getCurrentUrl();
		assertThat(text("main h1")).isEqualTo("Sign in");
		assertThat(this.driver.manage().getCookieNamed("pow_session")).as("opening the link signs no one in")
			.isNull();
		click(By.name("persistent_session"));
		click(By.cssSelector("main form.pow-form button[type=submit]"));

		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, mia@example.com.");
		assertThat(this.driver.manage().getCookieNamed("persistent_session")).as("kept signed in").isNotNull();

		click(By.cssSelector("header form button"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".pow-whoami")));
		this.driver.get(link);
		assertThat(text(".pow-flash-error")).startsWith("The sign-in link is invalid or has expired.");
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

	private String flash() {
		return text(".pow-flash");
	}

	private String text(String selector) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector))).getText();
	}

}
