package dev.powspring.web;

import java.util.Map;

import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pow.registration.enabled=false} nobody can sign up and no page links to
 * signing up, while existing users edit and delete their accounts as before.
 */
@TestPropertySource(properties = "pow.registration.enabled=false")
class RegistrationDisabledTests extends WebFlowTestSupport {

	@Autowired
	private PowUsersService users;

	@Test
	void signUpWhenDisabledThenNotFoundAndNoUserCreated() {
		Browser browser = browser();
		String token = browser.get("/session/new").document().selectFirst("input[name=_csrf]").attr("value");

		assertThat(browser.get("/registration/new").status()).isEqualTo(404);
		Browser.Page answer = browser.post("/registration", Map.of("_csrf", token, "userId", "jane@example.com",
				"password", "secret1234", "passwordConfirmation", "secret1234"));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(userCount()).isZero();
	}

	@Test
	void pagesWhenDisabledThenNoLinkToSigningUp() {
		Browser.Page signIn = browser().get("/session/new");

		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.document().select("a[href=/registration/new]")).isEmpty();
	}

	@Test
	void existingUserWhenDisabledThenEditsAndDeletesTheAccount() {
		this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234"));
		Browser browser = browser();
		assertThat(signIn(browser, "jane@example.com", "secret1234").status()).isEqualTo(302);

		Browser.Page updated = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane.doe@example.com", "currentPassword", "secret1234"));
		Browser.Page deleted = browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form",
				Map.of("currentPassword", "secret1234"));

		assertThat(updated.status()).isEqualTo(302);
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(userCount()).isZero();
	}

}
