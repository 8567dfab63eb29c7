package dev.powspring.api;

import java.util.Map;

import dev.powspring.api.ApiClient.Answer;
import dev.powspring.api.ApiClient.Pair;
import dev.powspring.resetpassword.ResetPasswordTokens;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an access token is not, and what it decides: tokens of other purposes are refused,
 * a request's token outweighs its cookie, and cookies never sign API requests in.
 */
class ApiTokenBoundaryTests extends ApiTestSupport {

	@Autowired
	private ResetPasswordTokens resetTokens;

	@Test
	void tokensOfOtherPurposesThenRefusedAsAccessTokens() {
		existingUser("jane@example.com", "secret1234");
		Browser browser = new Browser(this.port);
		browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "persistent_session", "true"));
		String sessionCookie = browser.cookie("pow_session").orElseThrow().getValue();
		String rememberMe = browser.cookie("persistent_session").orElseThrow().getValue();
		Long janeId = this.users.getByUserId("jane@example.com").orElseThrow().getId();
		String resetToken = this.resetTokens.issue(this.resetTokens.generate(), janeId);
		Pair pair = this.api.signIn("jane@example.com", "secret1234");

		assertThat(browser.get("/notes").status()).as("the cookie itself works").isEqualTo(200);
		assertThat(this.api.get("/api/v1/notes", sessionCookie).status()).as("session cookie").isEqualTo(401);
		assertThat(this.api.get("/api/v1/notes", rememberMe).status()).as("remember-me cookie").isEqualTo(401);
		assertThat(this.api.get("/api/v1/notes", resetToken).status()).as("reset link token").isEqualTo(401);
		assertThat(this.api.get("/api/v1/notes", pair.renewalToken()).status()).as("renewal token").isEqualTo(401);
		assertThat(this.api.get("/api/v1/notes", pair.accessToken()).status()).isEqualTo(200);
	}

	@Test
	void aRequestWithACookieAndAnInvalidTokenThenTheTokenDecides() {
		existingUser("jane@example.com", "secret1234");
		Browser browser = new Browser(this.port);
		browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));

		Browser.Page withBadToken = browser.header("Authorization", "Bearer not-a-token").get("/notes");

		assertThat(withBadToken.status()).isEqualTo(401);
		assertThat(withBadToken.header("Content-Type").orElseThrow()).startsWith("application/json");
	}

	@Test
	void aCookieOnAnApiRequestThenNotSignedIn() {
		existingUser("jane@example.com", "secret1234");
		Browser browser = new Browser(this.port);
		browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));

		Browser.Page api = browser.get("/api/v1/notes");

		assertThat(api.status()).as("API requests are signed in by their token alone").isEqualTo(401);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
	}

	@Test
	void aTokenOnAPageThenSignedInAsItsUser() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");

		Answer page = this.api.get("/notes", "Bearer " + pair.accessToken());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).isEqualTo("notes of jane@example.com");
		assertThat(page.header("Set-Cookie")).isEmpty();
	}

}
