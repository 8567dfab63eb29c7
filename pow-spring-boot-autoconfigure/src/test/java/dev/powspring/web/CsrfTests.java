package dev.powspring.web;

import dev.powspring.test.web.Browser;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state-changing Pow endpoint refuses a request without a valid CSRF token, and
 * changes nothing.
 */
class CsrfTests extends WebFlowTestSupport {

	@Test
	void signInWhenTokenMissingThenForbiddenAndNotSignedIn() {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();
		browser.get("/session/new");

		Browser.Page answer = browser.post("/session", Map.of("userId", "jane@example.com", "password", "secret1234"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(browser.cookie("pow_session")).isEmpty();
	}

	@Test
	void registerWhenTokenForgedThenForbiddenAndNothingStored() {
		Browser browser = browser();
		browser.get("/registration/new");

		Browser.Page answer = browser.post("/registration", Map.of("_csrf", "forged.token", "userId",
				"jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(userCount()).isZero();
	}

	@Test
	void registerWhenTokenBelongsToAnotherBrowserThenForbidden() {
		Browser attacker = browser();
		String attackersToken = attacker.get("/registration/new").document().select("input[name=_csrf]").attr("value");
		Browser victim = browser();
		victim.get("/registration/new");

		Browser.Page answer = victim.post("/registration", Map.of("_csrf", attackersToken, "userId",
				"jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(userCount()).isZero();
	}

	@Test
	void deleteAccountWhenTokenMissingThenForbiddenAndAccountKept() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		Browser.Page answer = browser.post("/registration", Map.of("_method", "delete"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(userCount()).isEqualTo(1);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
	}

	@Test
	void updateWhenTokenMissingThenForbiddenAndAccountUnchanged() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		Browser.Page answer = browser.post("/registration",
				Map.of("_method", "patch", "userId", "evil@example.com", "currentPassword", "secret1234"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT email FROM users").query(String.class).single()).isEqualTo("jane@example.com");
	}

	@Test
	void signOutWhenTokenMissingThenForbiddenAndStillSignedIn() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		Browser.Page answer = browser.post("/session", Map.of("_method", "delete"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
	}

}
