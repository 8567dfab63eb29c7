package dev.powspring.web;

import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A locked account over HTTP: its live session ends at once, a correct password gets
 * "Your account is locked", a wrong one the answer any failure gets, and unlocking lets it
 * sign in again without bringing a session back.
 */
class LockingTests extends WebFlowTestSupport {

	@Autowired
	private PowUsersService users;

	@Test
	void lockedThenTheLiveSessionEndsAndACorrectPasswordIsToldSo() {
		Browser jane = browser();
		register(jane, "jane@example.com", "secret1234");
		assertThat(jane.get("/notes").status()).isEqualTo(200);

		PowUser locked = this.users.lock(user("jane@example.com"), "spam");

		assertThat(locked.isLocked()).isTrue();
		assertThat(locked.getLockedReason()).isEqualTo("spam");
		assertThat(jane.get("/notes").status()).as("the session that was live").isEqualTo(302);
		Browser.Page refused = signIn(browser(), "jane@example.com", "secret1234");
		assertThat(refused.location()).endsWith("/session/new");
		Browser again = browser();
		Browser.Page signInAgain = signIn(again, "jane@example.com", "secret1234");
		assertThat(again.follow(signInAgain).text(".pow-flash-error")).isEqualTo("Your account is locked.");
		assertThat(again.cookie("pow_session")).isEmpty();
	}

	@Test
	void lockedWithAWrongPasswordThenTheSameAnswerAsAnUnknownAccount() {
		register(browser(), "jane@example.com", "secret1234");
		this.users.lock(user("jane@example.com"), null);

		Browser.Page locked = signIn(browser(), "jane@example.com", "wrong-password");
		Browser.Page unknown = signIn(browser(), "nobody@example.com", "wrong-password");

		assertThat(locked.status()).isEqualTo(unknown.status());
		assertThat(locked.text(".pow-flash-error")).isEqualTo(unknown.text(".pow-flash-error"));
	}

	@Test
	void unlockedThenSignsInAgain() {
		Browser jane = browser();
		register(jane, "jane@example.com", "secret1234");
		this.users.lock(user("jane@example.com"), "a mistake");

		this.users.unlock(user("jane@example.com"));

		assertThat(jane.get("/notes").status()).as("no session comes back").isEqualTo(302);
		assertThat(signIn(jane, "jane@example.com", "secret1234").status()).isEqualTo(302);
		assertThat(jane.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(user("jane@example.com").getLockedReason()).isNull();
	}

	private PowUser user(String email) {
		return this.users.getByUserId(email).orElseThrow();
	}

}
