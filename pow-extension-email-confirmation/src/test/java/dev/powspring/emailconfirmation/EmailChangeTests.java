package dev.powspring.emailconfirmation;

import java.util.Map;

import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the email of a confirmed account: the new address waits for confirmation.
 */
class EmailChangeTests extends EmailConfirmationTestSupport {

	@Test
	void changeWaitsForConfirmationOfTheNewAddressThenApplies() {
		Browser browser = confirmedUser("jane@example.com", "secret1234");

		Browser.Page answer = changeEmail(browser, "Jane.New@example.com");

		assertThat(answer.location()).endsWith("/registration/edit");
		assertThat(browser.follow(answer).text(".pow-flash-info"))
			.isEqualTo("You'll need to confirm the e-mail before it's updated. An e-mail confirmation link has been sent to you.");
		assertThat(column("unconfirmed_email", "jane@example.com")).isEqualTo("jane.new@example.com");
		ReceivedMail mail = confirmationMailTo("jane.new@example.com");
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(signIn(browser(), "jane@example.com", "secret1234").status()).isEqualTo(302);

		Browser.Page confirmed = confirm(browser, confirmationPath(mail));

		assertThat(confirmed.location()).endsWith("/registration/edit");
		assertThat(browser.follow(confirmed).text(".pow-flash-info")).isEqualTo("The email address has been confirmed.");
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane.new@example.com");
		assertThat(column("email", "jane.new@example.com")).isEqualTo("jane.new@example.com");
		assertThat(column("unconfirmed_email", "jane.new@example.com")).isNull();
	}

	@Test
	void changeBackToTheCurrentAddressCancelsThePendingChange() {
		Browser browser = confirmedUser("jane@example.com", "secret1234");
		changeEmail(browser, "jane.new@example.com");
		String path = confirmationPath(confirmationMailTo("jane.new@example.com"));

		Browser.Page answer = changeEmail(browser, "jane@example.com");

		assertThat(browser.follow(answer).text(".pow-flash-info")).isEqualTo("Your account has been updated.");
		assertThat(column("unconfirmed_email", "jane@example.com")).isNull();
		Browser.Page stale = browser.get(path);
		assertThat(browser.follow(stale).text(".pow-flash-error"))
			.isEqualTo("The confirmation token is invalid or has expired.");
	}

	@Test
	void changeToAnAddressTakenMeanwhileFailsCleanlyAtConfirmation() {
		Browser jane = confirmedUser("jane@example.com", "secret1234");
		jane.follow(changeEmail(jane, "shared@example.com"));
		String path = confirmationPath(confirmationMailTo("shared@example.com"));
		confirmedUser("shared@example.com", "secret1234");

		Browser.Page answer = confirm(jane, path);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(jane.follow(answer).text(".pow-flash-error")).isEqualTo("The email address couldn't be confirmed.");
		assertThat(column("email", "jane@example.com")).isEqualTo("jane@example.com");
	}

	@Test
	void changeWhenCurrentPasswordWrongThenFormKeepsTheTypedAddressAndNothingChanges() {
		Browser browser = confirmedUser("jane@example.com", "secret1234");

		Browser.Page answer = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane.new@example.com", "currentPassword", "wrong-password"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.document().select("input[name=userId]").attr("value")).isEqualTo("jane.new@example.com");
		assertThat(column("unconfirmed_email", "jane@example.com")).isNull();
	}

	private Browser.Page changeEmail(Browser browser, String email) {
		return browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", email, "currentPassword", "secret1234"));
	}

}
