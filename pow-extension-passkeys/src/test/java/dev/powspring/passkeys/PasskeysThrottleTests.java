package dev.powspring.passkeys;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkey sign-in attempts have limits of their own, per client address.
 */
@TestPropertySource(properties = { "pow.passkeys.sign-in-per-address.max=3",
		"pow.passkeys.sign-in-per-credential.max=100" })
class PasskeysThrottleTests extends PasskeysTestSupport {

	@Test
	void signInAttemptsBeyondTheLimitThenTooManyRequests() {
		register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop");
		Browser browser = new Browser(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(signInWithPasskey(browser, "garbage-" + i).status()).isEqualTo(400);
		}

		Browser.Page refused = signInWithPasskey(browser, authenticator);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isPresent();
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

}
