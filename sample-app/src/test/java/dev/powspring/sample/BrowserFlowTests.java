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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
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
 * Every flow of the sample, as a person does it, in a real headless Chromium: register,
 * confirm through the mailbox, sign in and stay signed in, write notes, sign out, reset
 * the password, invite someone who accepts, edit the account and delete it; and an admin
 * finding, confirming, promoting, locking, unlocking and deleting a user in the console.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages, which
 * {@code .ci/run} installs; without them the test is skipped with a message saying so.
 * With {@code -Dpow.screenshots=DIR} it saves screenshots of the main pages there.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserFlowTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	private int port;

	private WebDriver driver;

	private WebDriverWait wait;

	private Path profile;

	private TestMailbox mailbox;

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
	void everyFlowWorksInABrowser() throws IOException {
		open("/");
		screenshot("home");
		click(By.linkText("Register"));
		screenshot("register");
		fill("userId", "jane@example.com");
		fill("password", "secret1234");
		fill("passwordConfirmation", "secret1234");
		submit();
		assertThat(flash()).startsWith("You'll need to confirm your e-mail");

		openMail("jane@example.com", "Confirm your email address");
		screenshot("mailbox-mail");
		clickMailLink("/confirm-email/");
		click(By.cssSelector("form.pow-form button"));
		assertThat(flash()).isEqualTo("The email address has been confirmed.");

		fill("userId", "jane@example.com");
		fill("password", "secret1234");
		click(By.name("persistent_session"));
		screenshot("sign-in");
		submit();
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, jane@example.com.");
		assertThat(this.driver.manage().getCookieNamed("persistent_session")).as("kept signed in").isNotNull();

		click(By.linkText("Your notes"));
		fill("body", "Buy oat milk");
		submit();
		assertThat(text("[data-test=note] .pow-note-body")).isEqualTo("Buy oat milk");
		screenshot("notes");

		signOut();
		open("/notes");
		assertThat(this.driver.getCurrentUrl()).as("the notes need a signed-in user").contains("/session/new");

		click(By.linkText("Forgot your password?"));
		fill("email", "jane@example.com");
		submit();
		assertThat(flash()).startsWith("If an account for the provided email exists");
		openMail("jane@example.com", "Reset password link");
		clickMailLink("/reset-password/");
		fill("password", "new-secret-99");
		fill("passwordConfirmation", "new-secret-99");
		submit();
		assertThat(flash()).isEqualTo("The password has been updated.");
		signIn("jane@example.com", "new-secret-99");

		click(By.linkText("Invite someone"));
		fill("userId", "joe@example.com");
		submit();
		assertThat(flash()).isEqualTo("An e-mail with invitation link has been sent.");
		signOut();
		openMail("joe@example.com", "You've been invited");
		clickMailLink("/invitations/");
		fill("password", "joe-secret-1");
		fill("passwordConfirmation", "joe-secret-1");
		submit();
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, joe@example.com.");
		signOut();

		signIn("jane@example.com", "new-secret-99");
		click(By.linkText("Your account"));
		screenshot("account");
		fill("password", "third-secret-7");
		fill("passwordConfirmation", "third-secret-7");
		fill("currentPassword", "new-secret-99");
		submit();
		assertThat(flash()).isEqualTo("Your account has been updated.");
		this.driver.findElement(By.id("deleteCurrentPassword")).sendKeys("third-secret-7");
		click(By.cssSelector(".pow-danger-zone button"));
		assertThat(flash()).isEqualTo("Your account has been deleted. Sorry to see you go!");
		signIn("jane@example.com", "third-secret-7");
		assertThat(text(".pow-flash-error")).startsWith("The provided login details did not work.");

		this.driver.manage().window().setSize(new Dimension(390, 844));
		open("/session/new");
		screenshot("sign-in-phone");
	}

	@Test
	void adminConsoleWorksInABrowser() throws IOException {
		register("admin@example.com", "violet-canyon-93", true);
		register("sam@example.com", "amber-meadow-17", false);
		signIn("admin@example.com", "violet-canyon-93");

		click(By.linkText("Manage users"));
		assertThat(this.driver.findElements(By.cssSelector("tr[data-test=user]"))).hasSizeGreaterThanOrEqualTo(2);
		screenshot("admin-users");
		fill("q", "SAM");
		click(By.cssSelector("form.pow-admin-search button"));
		assertThat(this.driver.findElements(By.cssSelector("tr[data-test=user]"))).hasSize(1);
		assertThat(text("tr[data-test=user] td:nth-child(3)")).as("confirmed").isEqualTo("No");

		click(By.linkText("sam@example.com"));
		click(By.cssSelector("form.pow-admin-confirmation button"));
		assertThat(flash()).isEqualTo("A confirmation link has been sent to sam@example.com.");
		fill("role", "editor");
		click(By.cssSelector("form.pow-admin-grant button"));
		assertThat(flash()).isEqualTo("sam@example.com now has the role editor.");
		fill("reason", "Too many notes");
		click(By.cssSelector("form.pow-admin-lock button"));
		assertThat(text("[data-test=question]")).startsWith("sam@example.com will not be able to sign in");
		click(By.cssSelector("form.pow-admin-confirm button"));
		assertThat(flash()).isEqualTo("sam@example.com has been locked.");
		assertThat(text("[data-test=locked-reason]")).isEqualTo("Too many notes");
		screenshot("admin-user");
		click(By.cssSelector("form.pow-admin-unlock button"));
		assertThat(flash()).isEqualTo("sam@example.com has been unlocked.");
		click(By.cssSelector("form.pow-admin-delete button"));
		click(By.cssSelector("form.pow-admin-confirm button"));
		assertThat(flash()).isEqualTo("sam@example.com has been deleted.");

		this.driver.manage().window().setSize(new Dimension(390, 844));
		open("/admin/users");
		assertThat(text("tr[data-test=user] td:first-child")).isNotBlank();
		screenshot("admin-users-phone");
	}

	@Test
	void staffRealmWorksInABrowserBesideTheMembers() throws IOException {
		register("kim@example.com", "violet-canyon-93", true);
		signIn("kim@example.com", "violet-canyon-93");
		assertThat(text("[data-test=greeting]")).isEqualTo("Welcome, kim@example.com.");

		click(By.cssSelector("[data-test=staff-link]"));
		assertThat(text("h1")).as("a member is anonymous at the staff desk").isEqualTo("Staff sign in");
		screenshot("staff-sign-in");
		register("/staff", "kim@example.com", "amber-meadow-17", true);
		assertThat(text("h1")).isEqualTo("Staff sign in");
		fill("userId", "kim@example.com");
		fill("password", "amber-meadow-17");
		submit();
		assertThat(text("[data-test=staff-greeting]")).isEqualTo("Signed in as staff: kim@example.com.");

		signOut();
		assertThat(text("h1")).isEqualTo("Staff sign in");
		open("/");
		assertThat(text("[data-test=greeting]")).as("signing out of the staff realm leaves the member signed in")
			.isEqualTo("Welcome, kim@example.com.");
	}

	// Registers, perhaps confirming the address through the mailbox, and ends signed out.
	private void register(String email, String password, boolean confirm) {
		register("", email, password, confirm);
	}

	private void register(String prefix, String email, String password, boolean confirm) {
		open(prefix + "/registration/new");
		fill("userId", email);
		fill("password", password);
		fill("passwordConfirmation", password);
		submit();
		assertThat(flash()).startsWith("You'll need to confirm your e-mail");
		if (confirm) {
			openMail(email, "Confirm your email address");
			clickMailLink(prefix + "/confirm-email/");
			click(By.cssSelector("form.pow-form button"));
			assertThat(flash()).isEqualTo("The email address has been confirmed.");
		}
	}

	private void signIn(String email, String password) {
		open("/session/new");
		fill("userId", email);
		fill("password", password);
		submit();
	}

	// Waits for the signed-out page: opening another page at once could cancel the sign-out.
	private void signOut() {
		click(By.cssSelector("header form button"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".pow-whoami")));
	}

	// Waits until the mail is in the mailbox, then opens it from the mailbox page as a person would.
	private void openMail(String recipient, String subject) {
		ReceivedMail mail = this.mailbox.awaitMail(recipient, subject);
		open("/dev/mailbox");
		click(By.cssSelector("[data-test=mail] a[href='" + mail.id() + "']"));
		assertThat(text("[data-test=subject]")).isEqualTo(subject);
	}

	private void clickMailLink(String path) {
		click(By.cssSelector("[data-test=text] a[href*='" + path + "']"));
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

	private void submit() {
		click(By.cssSelector("main form.pow-form button[type=submit]"));
	}

	private String flash() {
		return text(".pow-flash");
	}

	private String text(String selector) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector))).getText();
	}

	private void screenshot(String name) throws IOException {
		String directory = System.getProperty("pow.screenshots");
		if (directory != null) {
			Path target = Path.of(directory).resolve(name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, ((ChromeDriver) this.driver).getScreenshotAs(OutputType.BYTES));
		}
	}

}
