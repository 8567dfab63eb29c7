package dev.powspring.web;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new password may not contain the user's email address, a part of it, or one of the
 * application's context words; parts shorter than four characters do not count.
 */
@TestPropertySource(properties = "pow.password.context-words=NotesApp")
class ContextWordsPasswordTests extends WebFlowTestSupport {

	private static final String REFUSED = "should not contain your email address, user name or the name of this site";

	@Test
	void passwordWithTheEmailsLocalPartThenRefused() {
		Browser.Page answer = signUp("jane@example.com", "Jane-is-secret-1");

		assertThat(answer.text("#password-error")).isEqualTo(REFUSED);
		assertThat(userCount()).isZero();
	}

	@Test
	void passwordWithTheEmailsDomainThenRefused() {
		assertThat(signUp("jane@example.com", "my-example-2026").text("#password-error")).isEqualTo(REFUSED);
	}

	@Test
	void passwordWithAContextWordThenRefused() {
		assertThat(signUp("jane@example.com", "notesapp-rocks-1").text("#password-error")).isEqualTo(REFUSED);
	}

	@Test
	void partsShorterThanFourCharactersThenIgnored() {
		assertThat(signUp("bo@ex.io", "bo-ex-io-secret").status()).isEqualTo(302);
	}

	@Test
	void accountUpdateToAPasswordWithTheNewEmailThenRefused() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		Browser.Page answer = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "robin@example.net", "password", "robin-2026-x", "passwordConfirmation",
						"robin-2026-x", "currentPassword", "secret1234"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.document().select("p.pow-error").eachText()).contains(REFUSED);
	}

	private Browser.Page signUp(String email, String password) {
		Browser browser = browser();
		return browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", password, "passwordConfirmation", password));
	}

}
