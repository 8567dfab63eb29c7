package dev.powspring.web;

import dev.powspring.test.web.Browser;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering, editing and deleting an account through Pow's pages.
 */
class RegistrationFlowTests extends WebFlowTestSupport {

	@Test
	void registerWhenValidThenUserStoredAndSignedIn() {
		Browser browser = browser();

		Browser.Page answer = register(browser, " Jane@Example.com", "secret1234");

		assertThat(answer.location()).matches("(https?://localhost:\\d+)?/");
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(userCount()).isEqualTo(1);
	}

	@Test
	void registerWhenInvalidThenFormShowsFieldErrorsAndNothingStored() {
		Browser browser = browser();
		Browser.Page form = browser.get("/registration/new");

		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", "not-an-email", "password", "short", "passwordConfirmation", "other"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Cache-Control")).hasValue("no-cache, no-store, must-revalidate");
		assertThat(answer.text("#userId-error")).isEqualTo("has invalid format");
		assertThat(answer.text("#password-error")).isEqualTo("should be at least 8 character(s)");
		assertThat(answer.text("#passwordConfirmation-error")).isEqualTo("does not match confirmation");
		assertThat(answer.document().select("input[name=userId]").attr("value")).isEqualTo("not-an-email");
		assertThat(answer.document().select("input[name=password]").attr("value")).isEmpty();
		assertThat(userCount()).isZero();
		assertThat(browser.cookie("pow_session")).isEmpty();
	}

	@Test
	void registerWhenEmailTakenThenFieldError() {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();

		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "JANE@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));

		assertThat(answer.text("#userId-error")).isEqualTo("has already been taken");
		assertThat(userCount()).isEqualTo(1);
	}

	@Test
	void registerWhenGermanRequestedThenGermanFieldErrors() {
		Browser browser = browser().acceptLanguage("de-DE");

		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "", "password", "secret1234", "passwordConfirmation", "secret1234"));

		assertThat(answer.text("#userId-error")).isEqualTo("darf nicht leer sein");
	}

	@Test
	void registrationFormWhenSignedInThenRedirectedHome() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		assertThat(browser.get("/registration/new").status()).isEqualTo(302);
	}

	@Test
	void editWhenAnonymousThenRedirectedToSignIn() {
		Browser.Page answer = browser().get("/registration/edit");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/session/new?request_path=%2Fregistration%2Fedit");
	}

	@Test
	void updateWhenCurrentPasswordMissingThenErrorAndNothingChanged() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		Browser.Page answer = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "new@example.com"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.document().select(".pow-invalid #currentPassword")).hasSize(1);
		assertThat(answer.text(".pow-invalid .pow-error")).isEqualTo("can't be blank");
		assertThat(storedEmails()).containsExactly("jane@example.com");
	}

	@Test
	void updateWhenCurrentPasswordGivenThenSavedAndEverySessionSeesIt() {
		Browser laptop = browser();
		register(laptop, "jane@example.com", "secret1234");
		Browser phone = browser();
		signIn(phone, "jane@example.com", "secret1234");

		Browser.Page answer = laptop.submit(laptop.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane.new@example.com", "currentPassword", "secret1234"));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/registration/edit");
		assertThat(laptop.follow(answer).text(".pow-flash-info")).isEqualTo("Your account has been updated.");
		assertThat(laptop.get("/notes").body()).isEqualTo("notes of jane.new@example.com");
		assertThat(phone.get("/notes").body()).isEqualTo("notes of jane.new@example.com");
	}

	@Test
	void updateWhenPasswordChangedThenOtherSessionsEndAndThisOneStays() {
		Browser laptop = browser();
		register(laptop, "jane@example.com", "secret1234");
		Browser phone = browser();
		signIn(phone, "jane@example.com", "secret1234");

		laptop.submit(laptop.get("/registration/edit"), "form.pow-form", Map.of("userId", "jane@example.com",
				"currentPassword", "secret1234", "password", "new-secret-99", "passwordConfirmation", "new-secret-99"));

		assertThat(laptop.get("/notes").status()).as("the session that changed it").isEqualTo(200);
		assertThat(phone.get("/notes").status()).as("every other session").isEqualTo(302);
		assertThat(signIn(browser(), "jane@example.com", "new-secret-99").status()).isEqualTo(302);
	}

	@Test
	void updateWhenPutUsedInsteadOfPatchThenSaved() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		Browser.Page answer = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("_method", "put", "userId", "put@example.com", "currentPassword", "secret1234"));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(storedEmails()).containsExactly("put@example.com");
	}

	@Test
	void deleteThenAccountGoneAndEverySessionSignedOut() {
		Browser laptop = browser();
		register(laptop, "jane@example.com", "secret1234");
		Browser phone = browser();
		signIn(phone, "jane@example.com", "secret1234");

		Browser.Page answer = laptop.submit(laptop.get("/registration/edit"), ".pow-danger-zone form",
				Map.of("currentPassword", "secret1234"));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/session/new");
		assertThat(laptop.follow(answer).text(".pow-flash-info"))
			.isEqualTo("Your account has been deleted. Sorry to see you go!");
		assertThat(userCount()).isZero();
		assertThat(laptop.get("/notes").status()).isEqualTo(302);
		assertThat(phone.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void deleteWhenCurrentPasswordMissingOrWrongThenAccountKept() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		for (String password : new String[] { "", "wrong-password" }) {
			Browser.Page answer = browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form",
					Map.of("currentPassword", password));

			assertThat(answer.location()).as(password).endsWith("/registration/edit");
			assertThat(browser.follow(answer).text(".pow-flash-error")).startsWith("Enter your current password");
		}
		String csrf = browser.get("/registration/edit").document().select("input[name=_csrf]").attr("value");
		assertThat(browser.post("/registration", Map.of("_method", "delete", "_csrf", csrf)).location())
			.as("a session and a CSRF token alone").endsWith("/registration/edit");
		assertThat(userCount()).isEqualTo(1);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
	}

	@Test
	void deleteWhenDatabaseRefusesThenAccountKeptAndErrorShown() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");
		// Another table of the application still points at the user, without cascading.
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS invoices (user_id BIGINT NOT NULL REFERENCES users (id))").update();
		this.jdbc.sql("INSERT INTO invoices (user_id) SELECT id FROM users").update();
		try {
			Browser.Page answer = browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form",
				Map.of("currentPassword", "secret1234"));

			assertThat(answer.status()).isEqualTo(302);
			assertThat(answer.location()).endsWith("/registration/edit");
			assertThat(browser.follow(answer).text(".pow-flash-error")).isEqualTo("Your account could not be deleted.");
			assertThat(userCount()).isEqualTo(1);
			assertThat(browser.get("/notes").status()).isEqualTo(200);
		}
		finally {
			this.jdbc.sql("DROP TABLE invoices").update();
		}
	}

	private List<String> storedEmails() {
		return this.jdbc.sql("SELECT email FROM users").query(String.class).list();
	}

}
