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
 * A new password, a password reset and a deleted account end every API token of the
 * user, on every device; and failed sign-ins are throttled over the API as on the web.
 */
class ApiRevocationTests extends ApiTestSupport {

	@Autowired
	private ResetPasswordTokens resetTokens;

	@Test
	void passwordChangedOverTheApiThenEveryTokenOfTheUserIsDead() {
		existingUser("jane@example.com", "secret1234");
		Pair phone = this.api.signIn("jane@example.com", "secret1234");
		Pair tablet = this.api.signIn("jane@example.com", "secret1234");

		Answer refused = this.api.patchJson("/api/v1/registration",
				Map.of("password", "new-secret-99", "password_confirmation", "new-secret-99"), phone.accessToken());
		Answer updated = this.api.patchJson("/api/v1/registration", Map.of("password", "new-secret-99",
				"password_confirmation", "new-secret-99", "current_password", "secret1234"), phone.accessToken());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/error/errors/current_password/0")).isNotBlank();
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.at("/data/email")).isEqualTo("jane@example.com");
		assertThat(this.api.get("/api/v1/notes", phone.accessToken()).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/notes", tablet.accessToken()).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/renew", tablet.renewalToken()).status()).isEqualTo(401);
		assertThat(this.api.signIn("jane@example.com", "new-secret-99").accessToken()).isNotBlank();
	}

	@Test
	void passwordResetOnTheWebThenEveryTokenOfTheUserIsDead() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");
		Long janeId = this.users.getByUserId("jane@example.com").orElseThrow().getId();
		String link = "/reset-password/" + this.resetTokens.issue(this.resetTokens.generate(), janeId);
		Browser browser = new Browser(this.port);

		Browser.Page reset = browser.submit(browser.get(link), "form.pow-form",
				Map.of("password", "new-secret-99", "passwordConfirmation", "new-secret-99"));

		assertThat(reset.status()).isEqualTo(302);
		assertThat(this.api.get("/api/v1/notes", pair.accessToken()).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/renew", pair.renewalToken()).status()).isEqualTo(401);
	}

	@Test
	void accountDeletedOnTheWebThenEveryTokenOfTheUserIsDead() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");
		Browser browser = new Browser(this.port);
		browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));

		browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form",
				Map.of("currentPassword", "secret1234"));

		assertThat(this.api.get("/api/v1/notes", pair.accessToken()).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/renew", pair.renewalToken()).status()).isEqualTo(401);
	}

	@Test
	void readTheSignedInUserThenItsFieldsAndNoPassword() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");

		Answer me = this.api.get("/api/v1/registration", pair.accessToken());

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.at("/data/email")).isEqualTo("jane@example.com");
		assertThat(me.body()).doesNotContain("password").doesNotContain("pbkdf2");
		assertThat(this.api.get("/api/v1/registration", null).status()).isEqualTo(401);
	}

	@Test
	void tooManyFailedSignInsThen429WithRetryAfter() {
		existingUser("jane@example.com", "secret1234");
		Answer last = null;
		for (int attempt = 0; attempt < 20 && (last == null || last.status() != 429); attempt++) {
			last = this.api.postJson("/api/v1/session", Map.of("email", "jane@example.com", "password", "wrong"),
					null);
		}

		assertThat(last.status()).isEqualTo(429);
		assertThat(last.header("Retry-After")).isPresent();
		assertThat(last.at("/error/status")).isEqualTo("429");
		assertThat(last.at("/error/message")).startsWith("Too many");
		assertThat(this.api.postJson("/api/v1/session", Map.of("email", "jane@example.com", "password", "secret1234"),
				null)
			.status()).as("the right password is throttled too").isEqualTo(429);
	}

}
