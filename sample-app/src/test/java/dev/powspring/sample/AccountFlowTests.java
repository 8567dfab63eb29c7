package dev.powspring.sample;

import java.util.Map;

import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.mail.TestMailbox;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does with the sample over HTTP: register and confirm, sign out, sign in,
 * change the email and confirm it, delete the account.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountFlowTests {

	@LocalServerPort
	private int port;

	@Test
	void registerSignOutSignInEditAndDeleteAnAccount() {
		Browser browser = new Browser(this.port);
		TestMailbox mailbox = new DevelopmentMailboxPages(this.port);

		assertThat(SampleFlows.register(browser, mailbox, "jane@example.com")).isEqualTo("Welcome, jane@example.com.");

		browser.submit(browser.get("/"), "header form", Map.of());
		assertThat(browser.get("/").text("[data-test=greeting]")).contains("sign in");

		Browser.Page signedIn = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));
		assertThat(browser.follow(signedIn).text("[data-test=greeting]")).isEqualTo("Welcome, jane@example.com.");

		Browser.Page updated = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane.doe@example.com", "currentPassword", "secret1234"));
		assertThat(browser.follow(updated).text(".pow-flash-info")).startsWith("You'll need to confirm the e-mail");
		String link = mailbox.awaitMail("jane.doe@example.com", "Confirm your email address").path("/confirm-email/");
		browser.submit(browser.get(link), "form.pow-form", Map.of());
		assertThat(browser.get("/").text("[data-test=greeting]")).isEqualTo("Welcome, jane.doe@example.com.");

		Browser.Page deleted = browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form",
				Map.of("currentPassword", "secret1234"));
		assertThat(browser.follow(deleted).text(".pow-flash-info"))
			.isEqualTo("Your account has been deleted. Sorry to see you go!");
		assertThat(browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane.doe@example.com", "password", "secret1234"))
			.status()).as("the deleted account cannot sign in").isEqualTo(200);
	}

}
