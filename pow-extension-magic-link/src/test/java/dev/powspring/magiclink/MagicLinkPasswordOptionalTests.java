package dev.powspring.magiclink;

import java.util.Map;

import dev.powspring.test.web.Browser;
import dev.powspring.user.PasswordlessSignIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pow.magic-link.password-optional=true}, users register without a password
 * and sign in by magic link only; no password signs them in.
 */
@TestPropertySource(properties = "pow.magic-link.password-optional=true")
class MagicLinkPasswordOptionalTests extends MagicLinkTestSupport {

	@Autowired
	private PasswordlessSignIn passwordlessSignIn;

	@Test
	void registerWithoutPasswordThenSignInByMagicLinkOnly() {
		assertThat(this.passwordlessSignIn.passwordOptional()).isTrue();
		Browser browser = browser();

		Browser.Page registered = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "kim@example.com", "password", "", "passwordConfirmation", ""));

		assertThat(registered.status()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT password_hash FROM users WHERE email = 'kim@example.com'")
			.query(String.class)
			.optional()).isEmpty();
		String path = requestLinkPath("kim@example.com");
		Browser.Page signedIn = pressSignIn(browser, path);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(browser.get("/notes").body()).isEqualTo("notes of kim@example.com");
		assertThat(confirmed("kim@example.com")).isTrue();
		for (String password : new String[] { "", " ", "secret-1234", "null" }) {
			Browser.Page refused = signInWithPassword(browser(), "kim@example.com", password);
			assertThat(refused.status()).as("password '%s'", password).isEqualTo(200);
			assertThat(refused.text(".pow-flash-error")).startsWith("The provided login details did not work");
		}
	}

	@Test
	void registerWithPasswordStillSignsInWithIt() {
		Browser browser = browser();

		browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "ann@example.com", "password", "secret-1234", "passwordConfirmation", "secret-1234"));
		pressSignIn(browser(), requestLinkPath("ann@example.com"));

		assertThat(signInWithPassword(browser(), "ann@example.com", "secret-1234").status()).isEqualTo(302);
	}

}
