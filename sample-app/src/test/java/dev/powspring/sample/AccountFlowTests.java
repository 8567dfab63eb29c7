package dev.powspring.sample;

import java.util.Map;

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

		assertThat(SampleFlows.register(browser, "jane@example.com")).isEqualTo("Welcome, jane@example.com.");

		browser.submit(browser.get("/"), "header form", Map.of());
		assertThat(browser.get("/").text("[data-test=greeting]")).contains("sign in");

		Browser.Page signedIn = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));
		assertThat(browser.follow(signedIn).text("[data-test=greeting]")).isEqualTo("Welcome, jane@example.com.");

		Browser.Page updated = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane.doe@example.com", "currentPassword", "secret1234"));
		assertThat(browser.follow(updated).text(".pow-flash-info")).startsWith("You'll need to confirm the e-mail");
		Browser.Page mail = browser.get(browser.get("/dev/mailbox").document().select("[data-test=mail] a").attr("href"));
		assertThat(mail.text("[data-test=to]")).isEqualTo("To jane.doe@example.com");
		String link = mail.document().select("[data-test=text] a[href*=/confirm-email/]").attr("href");
		browser.submit(browser.get(link.replaceFirst("^https?://[^/]+", "")), "form.pow-form", Map.of());
		assertThat(browser.get("/").text("[data-test=greeting]")).isEqualTo("Welcome, jane.doe@example.com.");

		Browser.Page deleted = browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form", Map.of());
		assertThat(browser.follow(deleted).text(".pow-flash-info"))
			.isEqualTo("Your account has been deleted. Sorry to see you go!");
		assertThat(browser.get("/").text("[data-test=user-count]")).isEqualTo("0");
	}

}
