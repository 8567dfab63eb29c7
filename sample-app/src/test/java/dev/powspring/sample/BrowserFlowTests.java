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
import org.openqa.selenium.Dimension;

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
	void everyFlowWorksInABrowser() throws IOException {
		this.browser.open("/");
		this.browser.screenshot("home");
		this.browser.click(By.linkText("Register"));
		this.browser.screenshot("register");
		this.browser.fill("userId", "jane@example.com");
		this.browser.fill("password", "secret1234");
		this.browser.fill("passwordConfirmation", "secret1234");
		this.browser.submit();
		assertThat(this.browser.flash()).startsWith("You'll need to confirm your e-mail");

		openMail("jane@example.com", "Confirm your email address");
		this.browser.screenshot("mailbox-mail");
		clickMailLink("/confirm-email/");
		this.browser.click(By.cssSelector("form.pow-form button"));
		assertThat(this.browser.flash()).isEqualTo("The email address has been confirmed.");

		this.browser.fill("userId", "jane@example.com");
		this.browser.fill("password", "secret1234");
		this.browser.click(By.name("persistent_session"));
		this.browser.screenshot("sign-in");
		this.browser.submit();
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, jane@example.com.");
		assertThat(this.browser.driver().manage().getCookieNamed("persistent_session")).as("kept signed in").isNotNull();

		this.browser.click(By.linkText("Your notes"));
		this.browser.fill("body", "Buy oat milk");
		this.browser.submit();
		assertThat(this.browser.text("[data-test=note] .pow-note-body")).isEqualTo("Buy oat milk");
		this.browser.screenshot("notes");

		this.browser.signOut();
		this.browser.open("/notes");
		assertThat(this.browser.currentUrl()).as("the notes need a signed-in user").contains("/session/new");

		this.browser.click(By.linkText("Forgot your password?"));
		this.browser.fill("email", "jane@example.com");
		this.browser.submit();
		assertThat(this.browser.flash()).startsWith("If an account for the provided email exists");
		openMail("jane@example.com", "Reset password link");
		clickMailLink("/reset-password/");
		this.browser.fill("password", "new-secret-99");
		this.browser.fill("passwordConfirmation", "new-secret-99");
		this.browser.submit();
		assertThat(this.browser.flash()).isEqualTo("The password has been updated.");
		signIn("jane@example.com", "new-secret-99");

		this.browser.click(By.linkText("Invite someone"));
		this.browser.fill("userId", "joe@example.com");
		this.browser.submit();
		assertThat(this.browser.flash()).isEqualTo("An e-mail with invitation link has been sent.");
		this.browser.signOut();
		openMail("joe@example.com", "You've been invited");
		clickMailLink("/invitations/");
		this.browser.fill("password", "joe-secret-1");
		this.browser.fill("passwordConfirmation", "joe-secret-1");
		this.browser.submit();
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, joe@example.com.");
		this.browser.signOut();

		signIn("jane@example.com", "new-secret-99");
		this.browser.click(By.linkText("Your account"));
		this.browser.screenshot("account");
		this.browser.fill("password", "third-secret-7");
		this.browser.fill("passwordConfirmation", "third-secret-7");
		this.browser.fill("currentPassword", "new-secret-99");
		this.browser.submit();
		assertThat(this.browser.flash()).isEqualTo("Your account has been updated.");
		this.browser.driver().findElement(By.id("deleteCurrentPassword")).sendKeys("third-secret-7");
		this.browser.click(By.cssSelector(".pow-danger-zone button"));
		assertThat(this.browser.flash()).isEqualTo("Your account has been deleted. Sorry to see you go!");
		signIn("jane@example.com", "third-secret-7");
		assertThat(this.browser.text(".pow-flash-error")).startsWith("The provided login details did not work.");

		this.browser.driver().manage().window().setSize(new Dimension(390, 844));
		this.browser.open("/session/new");
		this.browser.screenshot("sign-in-phone");
	}

	@Test
	void adminConsoleWorksInABrowser() throws IOException {
		register("admin@example.com", "violet-canyon-93", true);
		register("sam@example.com", "amber-meadow-17", false);
		signIn("admin@example.com", "violet-canyon-93");

		this.browser.click(By.linkText("Manage users"));
		assertThat(this.browser.driver().findElements(By.cssSelector("tr[data-test=user]"))).hasSizeGreaterThanOrEqualTo(2);
		this.browser.screenshot("admin-users");
		this.browser.fill("q", "SAM");
		this.browser.click(By.cssSelector("form.pow-admin-search button"));
		assertThat(this.browser.driver().findElements(By.cssSelector("tr[data-test=user]"))).hasSize(1);
		assertThat(this.browser.text("tr[data-test=user] td:nth-child(3)")).as("confirmed").isEqualTo("No");

		this.browser.click(By.linkText("sam@example.com"));
		this.browser.click(By.cssSelector("form.pow-admin-confirmation button"));
		assertThat(this.browser.flash()).isEqualTo("A confirmation link has been sent to sam@example.com.");
		this.browser.fill("role", "editor");
		this.browser.click(By.cssSelector("form.pow-admin-grant button"));
		assertThat(this.browser.flash()).isEqualTo("sam@example.com now has the role editor.");
		this.browser.fill("reason", "Too many notes");
		this.browser.click(By.cssSelector("form.pow-admin-lock button"));
		assertThat(this.browser.text("[data-test=question]")).startsWith("sam@example.com will not be able to sign in");
		this.browser.click(By.cssSelector("form.pow-admin-confirm button"));
		assertThat(this.browser.flash()).isEqualTo("sam@example.com has been locked.");
		assertThat(this.browser.text("[data-test=locked-reason]")).isEqualTo("Too many notes");
		this.browser.screenshot("admin-user");
		this.browser.click(By.cssSelector("form.pow-admin-unlock button"));
		assertThat(this.browser.flash()).isEqualTo("sam@example.com has been unlocked.");
		this.browser.click(By.cssSelector("form.pow-admin-delete button"));
		this.browser.click(By.cssSelector("form.pow-admin-confirm button"));
		assertThat(this.browser.flash()).isEqualTo("sam@example.com has been deleted.");

		this.browser.driver().manage().window().setSize(new Dimension(390, 844));
		this.browser.open("/admin/users");
		assertThat(this.browser.text("tr[data-test=user] td:first-child")).isNotBlank();
		this.browser.screenshot("admin-users-phone");
	}

	@Test
	void staffRealmWorksInABrowserBesideTheMembers() throws IOException {
		register("kim@example.com", "violet-canyon-93", true);
		signIn("kim@example.com", "violet-canyon-93");
		assertThat(this.browser.text("[data-test=greeting]")).isEqualTo("Welcome, kim@example.com.");

		this.browser.click(By.cssSelector("[data-test=staff-link]"));
		assertThat(this.browser.text("h1")).as("a member is anonymous at the staff desk").isEqualTo("Staff sign in");
		this.browser.screenshot("staff-sign-in");
		register("/staff", "kim@example.com", "amber-meadow-17", true);
		assertThat(this.browser.text("h1")).isEqualTo("Staff sign in");
		this.browser.fill("userId", "kim@example.com");
		this.browser.fill("password", "amber-meadow-17");
		this.browser.submit();
		assertThat(this.browser.text("[data-test=staff-greeting]")).isEqualTo("Signed in as staff: kim@example.com.");

		this.browser.signOut();
		assertThat(this.browser.text("h1")).isEqualTo("Staff sign in");
		this.browser.open("/");
		assertThat(this.browser.text("[data-test=greeting]")).as("signing out of the staff realm leaves the member signed in")
			.isEqualTo("Welcome, kim@example.com.");
	}

	// Registers, perhaps confirming the address through the mailbox, and ends signed out.
	private void register(String email, String password, boolean confirm) {
		register("", email, password, confirm);
	}

	private void register(String prefix, String email, String password, boolean confirm) {
		this.browser.open(prefix + "/registration/new");
		this.browser.fill("userId", email);
		this.browser.fill("password", password);
		this.browser.fill("passwordConfirmation", password);
		this.browser.submit();
		assertThat(this.browser.flash()).startsWith("You'll need to confirm your e-mail");
		if (confirm) {
			openMail(email, "Confirm your email address");
			clickMailLink(prefix + "/confirm-email/");
			this.browser.click(By.cssSelector("form.pow-form button"));
			assertThat(this.browser.flash()).isEqualTo("The email address has been confirmed.");
		}
	}

	private void signIn(String email, String password) {
		this.browser.open("/session/new");
		this.browser.fill("userId", email);
		this.browser.fill("password", password);
		this.browser.submit();
	}

	// Waits until the mail is in the mailbox, then opens it from the mailbox page as a person would.
	private void openMail(String recipient, String subject) {
		ReceivedMail mail = this.mailbox.awaitMail(recipient, subject);
		this.browser.open("/dev/mailbox");
		this.browser.click(By.cssSelector("[data-test=mail] a[href='" + mail.id() + "']"));
		assertThat(this.browser.text("[data-test=subject]")).isEqualTo(subject);
	}

	private void clickMailLink(String path) {
		this.browser.click(By.cssSelector("[data-test=text] a[href*='" + path + "']"));
	}
}
