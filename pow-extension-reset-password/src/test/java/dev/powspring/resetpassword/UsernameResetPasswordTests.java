package dev.powspring.resetpassword;

import java.util.Map;

import dev.powspring.test.web.Browser;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When users sign in by user name, password reset works through the {@code email} column:
 * the user asks with the address, the link goes there, and the user signs in with the user
 * name and the new password.
 */
@TestPropertySource(properties = "pow.user-id-field=username")
class UsernameResetPasswordTests extends ResetPasswordTestSupport {

	@Test
	void resetThroughTheEmailColumnThenSignInWithTheUsername() {
		registerWithEmail("jane", "jane@example.com");
		Browser browser = browser();

		Browser.Page asked = requestReset(browser, " JANE@example.com");

		assertThat(browser.follow(asked).text(".pow-flash-info")).startsWith("If an account for the provided email exists");
		String path = resetPath(resetMailTo("jane@example.com"));
		assertThat(chooseNewPassword(browser, path, "new-secret-99", "new-secret-99").status()).isEqualTo(302);
		Browser.Page signedIn = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane", "password", "new-secret-99"));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane");
	}

	@Test
	void usernameOrUnknownAddressThenSameAnswerAndNoMail() {
		registerWithEmail("kim", "kim@example.com");
		Browser browser = browser();

		Browser.Page byUsername = requestReset(browser, "kim");
		String byUsernameAnswer = browser.follow(byUsername).text(".pow-flash-info");
		Browser.Page unknown = requestReset(browser, "nobody@example.com");

		assertThat(byUsername.location()).isEqualTo(unknown.location());
		assertThat(byUsernameAnswer).isEqualTo(browser.follow(unknown).text(".pow-flash-info"))
			.startsWith("If an account for the provided email exists");
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("kim@example.com")).isEmpty();
	}

	private void registerWithEmail(String username, String email) {
		UserParams params = new UserParams(username, "secret1234", "secret1234");
		params.getFields().put("email", email);
		assertThat(this.users.create(params).succeeded()).isTrue();
	}

}
