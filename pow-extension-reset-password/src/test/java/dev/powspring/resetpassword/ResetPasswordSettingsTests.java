package dev.powspring.resetpassword;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password reset with a configured base URL for links, and with user enumeration
 * protection turned off.
 */
@TestPropertySource(properties = { "pow.base-url=https://notes.example/", "pow.prevent-user-enumeration=false" })
class ResetPasswordSettingsTests extends ResetPasswordTestSupport {

	@Test
	void mailLinkWhenBaseUrlSetThenBuiltFromIt() throws Exception {
		register("jane@example.com", "old-secret-1");

		requestReset(browser(), "jane@example.com");

		assertThat(resetMailTo("jane@example.com").link("/reset-password/")).startsWith("https://notes.example/reset-password/");
	}

	@Test
	void requestWhenEnumerationProtectionOffAndEmailUnknownThenFormSaysSo() {
		Browser browser = browser();

		Browser.Page answer = requestReset(browser, "nobody@example.com");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text(".pow-flash-error")).isEqualTo("No account exists for the provided email. Please try again.");
		assertThat(answer.document().select("input[name=email]").attr("value")).isEqualTo("nobody@example.com");
	}

}
