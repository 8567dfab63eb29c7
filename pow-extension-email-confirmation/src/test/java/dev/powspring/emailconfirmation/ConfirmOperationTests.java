package dev.powspring.emailconfirmation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.web.Browser;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmailConfirmationOperations#confirm(PowUser)}, for flows that proved control of
 * the address another way (a mailed sign-in link): it confirms the current address of an
 * unconfirmed user, who can then sign in; it keeps the first confirmation time of a
 * confirmed user; and a pending change to another address stays pending.
 */
class ConfirmOperationTests extends EmailConfirmationTestSupport {

	@Autowired
	private EmailConfirmationOperations operations;

	@Autowired
	private PowUsersService users;

	@Test
	void confirmWhenUnconfirmedThenConfirmedAndSignsIn() {
		register(browser(), "jane@example.com", "secret1234");
		Browser unconfirmed = browser();
		signIn(unconfirmed, "jane@example.com", "secret1234");
		assertThat(unconfirmed.get("/notes").status()).as("not signed in while unconfirmed").isEqualTo(302);
		PowUser jane = this.users.getByEmail("jane@example.com").orElseThrow();

		PowUser stored = this.operations.confirm(jane);

		assertThat(stored.getId()).isEqualTo(jane.getId());
		assertThat(column("email_confirmed_at", "jane@example.com")).isNotNull();
		assertThat(this.operations.confirmedAt(List.of(jane.getId()))).containsKey(jane.getId());
		Browser browser = browser();
		assertThat(signIn(browser, "jane@example.com", "secret1234").status()).isEqualTo(302);
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
	}

	@Test
	void confirmWhenConfirmedThenNothingChanges() {
		confirmedUser("jane@example.com", "secret1234");
		String confirmedAt = column("email_confirmed_at", "jane@example.com");
		this.clock.advance(Duration.ofDays(1));

		this.operations.confirm(this.users.getByEmail("jane@example.com").orElseThrow());

		assertThat(column("email_confirmed_at", "jane@example.com")).isEqualTo(confirmedAt);
	}

	@Test
	void confirmWhenEmailChangePendingThenTheChangeStaysPending() {
		Browser browser = confirmedUser("jane@example.com", "secret1234");
		browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane.new@example.com", "currentPassword", "secret1234"));
		ReceivedMail mail = confirmationMailTo("jane.new@example.com");

		this.operations.confirm(this.users.getByEmail("jane@example.com").orElseThrow());

		assertThat(column("unconfirmed_email", "jane@example.com")).isEqualTo("jane.new@example.com");
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		confirm(browser, confirmationPath(mail));
		assertThat(column("email", "jane.new@example.com")).as("the new address's link still works")
			.isEqualTo("jane.new@example.com");
	}

}
