package dev.powspring.web;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pow.session.reload-user=true} every signed-in request reads the user from
 * the database: a change made outside Pow shows at once, and a deleted user is signed out.
 */
@TestPropertySource(properties = "pow.session.reload-user=true")
class ReloadUserTests extends WebFlowTestSupport {

	@Test
	void userChangedInTheDatabaseThenTheNextRequestSeesTheChange() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		this.jdbc.sql("UPDATE users SET email = 'jane.doe@example.com'").update();

		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane.doe@example.com");
	}

	@Test
	void userDeletedInTheDatabaseThenSignedOut() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		this.jdbc.sql("DELETE FROM users").update();
		Browser.Page answer = browser.get("/notes");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).contains("/session/new");
		assertThat(browser.cookie("pow_session")).isEmpty();
	}

}
