package dev.powspring.magiclink;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magic links with a configured base URL for links, limits of their own, and user
 * enumeration protection turned off.
 */
@TestPropertySource(properties = { "pow.base-url=https://notes.example/", "pow.prevent-user-enumeration=false",
		"pow.magic-link.throttle.per-target.max=2", "pow.magic-link.throttle.per-target.lockout=10m",
		"pow.magic-link.throttle.per-address.max=3" })
class MagicLinkSettingsTests extends MagicLinkTestSupport {

	@Test
	void mailLinkWhenBaseUrlSetThenBuiltFromIt() {
		register("jane@example.com", "secret-1234");

		requestLink(browser(), "jane@example.com");

		assertThat(linkMailTo("jane@example.com").link("/magic-link/")).startsWith("https://notes.example/magic-link/");
	}

	@Test
	void requestWhenEnumerationProtectionOffAndEmailUnknownThenFormSaysSo() {
		Browser.Page answer = requestLink(browser(), "nobody@example.com");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text(".pow-flash-error")).isEqualTo("No account exists for the provided email. Please try again.");
		assertThat(answer.document().select("input[name=email]").attr("value")).isEqualTo("nobody@example.com");
	}

	@Test
	void requestsLimitedByTheirOwnProperties() {
		register("jane@example.com", "secret-1234");
		assertThat(requestLink(browser(), "jane@example.com").status()).isEqualTo(302);
		assertThat(requestLink(browser(), "jane@example.com").status()).isEqualTo(302);

		Browser.Page perTarget = requestLink(browser(), "jane@example.com");

		assertThat(perTarget.status()).isEqualTo(429);
		assertThat(perTarget.header("Retry-After")).hasValue("600");
		assertThat(requestLink(browser(), "joe@example.com").status()).as("the address's third").isEqualTo(200);
		assertThat(requestLink(browser(), "ann@example.com").status()).as("the address's fourth").isEqualTo(429);
	}

}
