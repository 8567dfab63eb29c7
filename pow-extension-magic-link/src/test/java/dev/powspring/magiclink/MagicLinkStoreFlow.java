package dev.powspring.magiclink;

import java.time.Duration;
import java.util.Map;

import dev.powspring.test.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flow, for each store.
 */
final class MagicLinkStoreFlow {

	private MagicLinkStoreFlow() {
	}

	static void signsInOnce(MagicLinkTestSupport test) {
		test.register("jane@example.com", "secret-1234");
		String path = test.requestLinkPath("jane@example.com");
		Browser scanner = test.browser();
		assertThat(scanner.get(path).status()).isEqualTo(200);
		Browser browser = test.browser();
		Browser.Page form = browser.get(path);
		Browser late = test.browser();
		Browser.Page lateForm = late.get(path);

		assertThat(browser.submit(form, "form.pow-form", Map.of()).status()).isEqualTo(302);

		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(test.confirmed("jane@example.com")).isTrue();
		test.assertInvalidLink(late, late.submit(lateForm, "form.pow-form", Map.of()));
		assertThat(scanner.get("/notes").status()).isEqualTo(302);
	}

	static void expires(MagicLinkTestSupport test) {
		test.register("jane@example.com", "secret-1234");
		String path = test.requestLinkPath("jane@example.com");
		Browser browser = test.browser();
		Browser.Page form = browser.get(path);

		test.clock.advance(Duration.ofMinutes(16));

		test.assertInvalidLink(browser, browser.submit(form, "form.pow-form", Map.of()));
	}

}
