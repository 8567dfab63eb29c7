package dev.powspring.sample;

import java.util.Map;

import dev.powspring.test.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps the sample's tests share.
 */
final class SampleFlows {

	private SampleFlows() {
	}

	/**
	 * Register through the sign-up form.
	 * @return the home page's greeting afterwards
	 */
	static String register(Browser browser, String email) {
		Browser.Page registered = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(registered.status()).isEqualTo(302);
		return browser.follow(registered).text("[data-test=greeting]");
	}

}
