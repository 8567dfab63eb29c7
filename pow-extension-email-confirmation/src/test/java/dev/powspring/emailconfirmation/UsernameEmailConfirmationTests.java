package dev.powspring.emailconfirmation;

import java.util.Map;

import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When users sign in by user name, email confirmation works through the {@code email}
 * column: the sign-up form asks for an address, the link goes there, and changing the
 * address waits for confirmation while the user name stays.
 */
@TestPropertySource(properties = "pow.user-id-field=username")
class UsernameEmailConfirmationTests extends EmailConfirmationTestSupport {

	@Test
	void registerWithAnAddressThenSignInWaitsForItsConfirmation() {
		Browser browser = browser();
		Browser.Page form = browser.get("/registration/new");
		assertThat(form.document().selectFirst("input[name=fields[email]]").attr("type")).isEqualTo("email");

		Browser.Page registered = registerWithEmail(browser, "jane", " Jane@Example.com ");

		assertThat(browser.follow(registered).text(".pow-flash-info")).startsWith("You'll need to confirm your e-mail");
		assertThat(usernameColumn("email", "jane")).isEqualTo("jane@example.com");
		ReceivedMail mail = confirmationMailTo("jane@example.com");
		assertThat(signIn(browser, "jane", "secret1234").location()).as("unconfirmed").endsWith("/session/new");

		confirm(browser, confirmationPath(mail));

		assertThat(usernameColumn("email_confirmed_at", "jane")).isNotNull();
		assertThat(signIn(browser, "jane", "secret1234").status()).isEqualTo(302);
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane");
	}

	@Test
	void registerWithoutAnAddressThenNothingToConfirm() {
		Browser browser = browser();

		registerWithEmail(browser, "kim", "");

		assertThat(usernameColumn("email", "kim")).isNull();
		assertThat(browser.get("/notes").body()).isEqualTo("notes of kim");
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.received()).isEmpty();
	}

	@Test
	void badOrTakenAddressThenFieldErrorAndNoUser() {
		registerWithEmail(browser(), "jane", "jane@example.com");

		Browser.Page malformed = registerWithEmail(browser(), "joe", "not-an-address");
		Browser.Page taken = registerWithEmail(browser(), "joe", "JANE@example.com");

		assertThat(malformed.status()).isEqualTo(200);
		assertThat(malformed.text("[data-field=email]")).isEqualTo("email has invalid format");
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.text("[data-field=email]")).isEqualTo("email has already been taken");
		assertThat(usernameColumn("email", "joe")).isNull();
		assertThat(this.jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void changeTheAddressThenItWaitsForConfirmationAndTheUsernameStays() {
		Browser browser = browser();
		registerWithEmail(browser, "jane", "jane@example.com");
		confirm(browser, confirmationPath(confirmationMailTo("jane@example.com")));
		signIn(browser, "jane", "secret1234");
		Browser.Page account = browser.get("/registration/edit");
		assertThat(account.document().selectFirst("input[name=fields[email]]").attr("value"))
			.isEqualTo("jane@example.com");

		Browser.Page changed = browser.submit(account, "form.pow-form",
				Map.of("fields[email]", "jane.new@example.com", "currentPassword", "secret1234"));

		assertThat(browser.follow(changed).text(".pow-flash-info")).startsWith("You'll need to confirm the e-mail");
		assertThat(usernameColumn("email", "jane")).isEqualTo("jane@example.com");
		assertThat(usernameColumn("unconfirmed_email", "jane")).isEqualTo("jane.new@example.com");

		confirm(browser, confirmationPath(confirmationMailTo("jane.new@example.com")));

		assertThat(usernameColumn("email", "jane")).isEqualTo("jane.new@example.com");
		assertThat(usernameColumn("unconfirmed_email", "jane")).isNull();
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane");
	}

	private Browser.Page registerWithEmail(Browser browser, String username, String email) {
		return browser.submit(browser.get("/registration/new"), "form.pow-form", Map.of("userId", username,
				"fields[email]", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
	}

	private String usernameColumn(String column, String username) {
		return this.jdbc.sql("SELECT " + column + " FROM users WHERE username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
