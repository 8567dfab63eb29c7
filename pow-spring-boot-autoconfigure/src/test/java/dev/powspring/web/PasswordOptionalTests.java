package dev.powspring.web;

import java.util.Map;

import dev.powspring.test.web.Browser;
import dev.powspring.user.PasswordlessSignIn;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a {@link PasswordlessSignIn} that makes passwords optional, people register without
 * one, and such users edit and delete their account without a current password; users
 * with a password still confirm changes with it.
 */
@Import(PasswordOptionalTests.Passwordless.class)
class PasswordOptionalTests extends WebFlowTestSupport {

	@Test
	void registerWhenPasswordBlankThenUserStoredWithoutPasswordWhoCannotSignInWithOne() {
		Browser browser = browser();
		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "", "passwordConfirmation", ""));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = 'jane@example.com' AND password_hash IS NULL")
			.query(Long.class)
			.single()).isOne();
		assertThat(signIn(browser(), "jane@example.com", "").status()).isEqualTo(200);
		assertThat(signIn(browser(), "jane@example.com", "secret1234").status()).isEqualTo(200);
	}

	@Test
	void editWhenUserHasNoPasswordThenNoCurrentPasswordAskedForChangesOrDeletion() {
		Browser browser = browser();
		browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "", "passwordConfirmation", ""));
		Browser.Page edit = browser.get("/registration/edit");
		assertThat(edit.document().select("input[name=currentPassword]")).isEmpty();

		Browser.Page updated = browser.submit(edit, "form.pow-form", Map.of("userId", "jane.doe@example.com"));
		assertThat(updated.status()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT email FROM users").query(String.class).single())
			.isEqualTo("jane.doe@example.com");

		Browser.Page deleted = browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(userCount()).isZero();
	}

	@Test
	void editWhenUserHasAPasswordThenItIsStillRequired() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");
		Browser.Page edit = browser.get("/registration/edit");
		assertThat(edit.document().select("input[name=currentPassword]")).hasSize(2);

		Browser.Page refused = browser.submit(edit, "form.pow-form", Map.of("userId", "jane.doe@example.com"));
		browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form", Map.of());

		assertThat(refused.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT email FROM users").query(String.class).single())
			.isEqualTo("jane@example.com");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Passwordless {

		@Bean
		PasswordlessSignIn passwordlessSignIn() {
			return () -> true;
		}

	}

}
