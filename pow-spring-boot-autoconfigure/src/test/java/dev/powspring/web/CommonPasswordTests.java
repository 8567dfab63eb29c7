package dev.powspring.web;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new password among the 10,000 most common ones is refused, whatever its case.
 */
class CommonPasswordTests extends WebFlowTestSupport {

	@Test
	void commonPasswordThenRefusedWhateverItsCase() {
		for (String password : new String[] { "iloveyou", "FootBall", "password1" }) {
			Browser browser = browser();
			Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
					Map.of("userId", "jane@example.com", "password", password, "passwordConfirmation", password));

			assertThat(answer.text("#password-error")).as(password)
				.isEqualTo("is one of the most common passwords; choose another");
		}
		assertThat(userCount()).isZero();
	}

}
