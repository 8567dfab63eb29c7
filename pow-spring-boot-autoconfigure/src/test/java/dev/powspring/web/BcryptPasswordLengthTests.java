package dev.powspring.web;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With BCrypt, which hashes at most 72 bytes, a longer password is a field error, never a
 * server error.
 */
@TestPropertySource(properties = { "pow.password.algorithm=bcrypt", "pow.password.bcrypt-strength=4" })
class BcryptPasswordLengthTests extends WebFlowTestSupport {

	// 37 two-byte characters: within the length limit, over BCrypt's 74 > 72 bytes.
	private static final String LONG_PASSWORD = "ü".repeat(37);

	@Test
	void registerWhenPasswordOverBcryptsLimitThenFieldErrorAndNothingStored() {
		Browser browser = browser();

		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", LONG_PASSWORD, "passwordConfirmation", LONG_PASSWORD));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("#password-error")).isEqualTo("should be at most 72 bytes");
		assertThat(userCount()).isZero();
	}

	@Test
	void registerWhenPasswordExactlyAtBcryptsLimitThenSignsInWithIt() {
		String password = "ü".repeat(36);
		register(browser(), "jane@example.com", password);

		assertThat(signIn(browser(), "jane@example.com", password).status()).isEqualTo(302);
	}

	@Test
	void signInWhenPasswordOverBcryptsLimitThenOrdinaryRefusal() {
		register(browser(), "jane@example.com", "secret1234");

		Browser.Page answer = signIn(browser(), "jane@example.com", LONG_PASSWORD);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text(".pow-flash-error")).startsWith("The provided login details did not work.");
	}

}
