package dev.powspring.web;

import java.util.Map;

import dev.powspring.test.web.Browser;

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

	@Test
	void plantedCsrfCookieWithTheAttackersOwnTokenThenForbiddenForTheVictimsSession() {
		Browser attacker = browser();
		String attackersToken = csrfToken(attacker.get("/registration/new"));
		String attackersCookie = attacker.cookie("pow_csrf").orElseThrow().getValue();
		Browser victim = browser();
		register(victim, "jane@example.com", "secret1234");

		// As from a sibling subdomain or a plain-HTTP page: the attacker's cookie in the victim's browser.
		victim.setCookie("pow_csrf", attackersCookie);
		Browser.Page answer = victim.post("/session", Map.of("_method", "delete", "_csrf", attackersToken));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(victim.get("/notes").status()).as("still signed in").isEqualTo(200);
	}

	@Test
	void signInAndSignOutIssueNewTokensAndTheOldOnesStopWorking() {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();
		String beforeSignIn = csrfToken(browser.get("/session/new"));
		String preSessionBefore = browser.cookie("pow_csrf").orElseThrow().getValue();

		assertThat(signIn(browser, "jane@example.com", "secret1234").status()).isEqualTo(302);

		assertThat(browser.post("/session", Map.of("_method", "delete", "_csrf", beforeSignIn)).status())
			.as("a token from before sign-in").isEqualTo(403);
		String signedIn = csrfToken(browser.get("/registration/edit"));
		assertThat(browser.post("/session", Map.of("_method", "delete", "_csrf", signedIn)).status()).isEqualTo(302);
		assertThat(browser.get("/notes").status()).as("signed out").isEqualTo(302);
		assertThat(browser.cookie("pow_csrf").orElseThrow().getValue()).as("a new pre-session")
			.isNotEqualTo(preSessionBefore);
		assertThat(browser.post("/registration", Map.of("_csrf", signedIn, "userId", "joe@example.com", "password",
				"secret1234", "passwordConfirmation", "secret1234")).status())
			.as("the signed-in token after sign-out").isEqualTo(403);
	}

	@Test
	void stateChangeFromAnotherSiteThenForbiddenEvenWithAValidToken() {
		for (String[] header : new String[][] { { "Origin", "https://evil.example" },
				{ "Origin", "http://localhost.evil.example" }, { "Sec-Fetch-Site", "cross-site" },
				{ "Sec-Fetch-Site", "same-site" } }) {
			Browser browser = browser();
			String token = csrfToken(browser.get("/registration/new"));
			browser.header(header[0], header[1]);

			Browser.Page answer = browser.post("/registration", Map.of("_csrf", token, "userId", "jane@example.com",
					"password", "secret1234", "passwordConfirmation", "secret1234"));

			assertThat(answer.status()).as(header[0] + ": " + header[1]).isEqualTo(403);
		}
		assertThat(userCount()).isZero();
	}

	@Test
	void stateChangeFromTheApplicationsOwnOriginThenAccepted() {
		Browser browser = browser().header("Origin", "http://localhost:" + this.port)
			.header("Sec-Fetch-Site", "same-origin");

		assertThat(register(browser, "jane@example.com", "secret1234").status()).isEqualTo(302);
	}

	@Test
	void stateChangeWithOriginNullFromPowsOwnNoReferrerPageThenTheTokenDecides() {
		// What a browser sends for a form on a page whose referrer policy is no-referrer.
		Browser browser = browser().header("Origin", "null").header("Sec-Fetch-Site", "same-origin");

		assertThat(register(browser, "jane@example.com", "secret1234").status()).isEqualTo(302);
		assertThat(browser().header("Origin", "null")
			.header("Sec-Fetch-Site", "cross-site")
			.post("/session", Map.of("userId", "jane@example.com", "password", "secret1234"))
			.status()).isEqualTo(403);
	}

	private static String csrfToken(Browser.Page page) {
		return page.document().select("input[name=_csrf]").attr("value");
	}

	@Test
	void errorPagesThenAtMostOneCsrfCookie() {
		for (String path : new String[] { "/no-such-page", "/session/new?request_path=%00", "/registration/abc" }) {
			Browser.Page page = browser().get(path);

			assertThat(page.setCookies().stream().filter((cookie) -> cookie.startsWith("pow_csrf=")))
				.as("%s (%d)", path, page.status())
				.hasSizeLessThanOrEqualTo(1);
		}
	}

}
