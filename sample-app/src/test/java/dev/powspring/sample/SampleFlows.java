package dev.powspring.sample;

import java.util.Map;

import dev.powspring.test.mail.TestMailbox;
import dev.powspring.test.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps the sample's tests share.
 */
final class SampleFlows {

	private SampleFlows() {
	}

	/**
	 * Register, confirm the email through the development mailbox, and sign in.
	 * @return the home page's greeting afterwards
	 */
	static String register(Browser browser, TestMailbox mailbox, String email) {
		return register(browser, mailbox, email, "");
	}

	/**
	 * Register, confirm and sign in with Pow's routes under a prefix.
	 * @return the home page's greeting afterwards
	 */
	static String register(Browser browser, TestMailbox mailbox, String email, String prefix) {
		Browser.Page registered = browser.submit(browser.get(prefix + "/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(registered.status()).isEqualTo(302);
		String link = mailbox.awaitMail(email, "Confirm your email address").path(prefix + "/confirm-email/");
		Browser.Page confirmation = browser.get(link);
		assertThat(browser.submit(confirmation, "form.pow-form", Map.of()).status()).isEqualTo(302);
		Browser.Page signedIn = browser.submit(browser.get(prefix + "/session/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234"));
		assertThat(signedIn.status()).isEqualTo(302);
		return browser.follow(signedIn).text("[data-test=greeting]");
	}

}
