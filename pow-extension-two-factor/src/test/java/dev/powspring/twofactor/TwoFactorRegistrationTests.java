package dev.powspring.twofactor;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any action that signs a user in meets the second factor, not only the sign-in form:
 * when every user must have two-factor sign-in, registering leads to its enrolment, and
 * the new account is signed in only after it.
 */
@TestPropertySource(properties = "pow.two-factor.required-roles=user")
class TwoFactorRegistrationTests extends TwoFactorTestSupport {

	@Test
	void registrationLeadsToEnrolmentBeforeTheSession() {
		Browser browser = browser();

		Browser.Page registered = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", EMAIL, "password", PASSWORD, "passwordConfirmation", PASSWORD));

		assertThat(registered.location()).endsWith("/two-factor/new");
		assertThat(this.users.getByUserId(EMAIL)).as("the account exists").isPresent();
		assertThat(browser.get("/notes").status()).as("but is not signed in").isEqualTo(302);
		Browser.Page enrol = browser.get("/two-factor/new");
		Browser.Page codes = browser.submit(enrol, "form.pow-two-factor-confirm", Map.of("code", code(secretOf(enrol))));
		assertThat(recoveryCodesOf(codes)).hasSize(10);
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
	}

}
