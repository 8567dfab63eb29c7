package dev.powspring.passkeys;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pow.passkeys.user-verification=required}, a passkey that did not verify the
 * user is neither registered nor signs in.
 */
@TestPropertySource(properties = "pow.passkeys.user-verification=required")
class PasskeysUserVerificationRequiredTests extends PasskeysTestSupport {

	@Test
	void withoutUserVerificationThenRefused() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		String options = registrationOptions(account);
		assertThat(TestAuthenticator.parse(options).get("authenticatorSelection").get("userVerification").asString())
			.isEqualTo("required");
		addPasskey(account, authenticator().userVerified(false).create(options), "Old key");
		assertThat(passkeyCount(id)).isZero();

		TestAuthenticator authenticator = addPasskey(account, "Laptop");
		Browser browser = new Browser(this.port);
		assertThat(signInWithPasskey(browser, authenticator.userVerified(false)).status()).isEqualTo(400);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		assertThat(signInWithPasskey(browser, authenticator.userVerified(true)).status()).isEqualTo(302);
	}

}
