package dev.powspring.magiclink;

import java.util.Map;

import dev.powspring.test.web.Browser;
import dev.powspring.twofactor.Totp;
import dev.powspring.twofactor.TwoFactors;
import dev.powspring.user.PowUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A magic link is one factor: a user with two-factor sign-in on who follows one gets the
 * two-factor extension's code page, not a session, and is signed in (and remembered, when
 * asked on the link's page) only after the code.
 */
class MagicLinkTwoFactorTests extends MagicLinkTestSupport {

	@Autowired
	private TwoFactors twoFactors;

	@Test
	void linkThenTheCodePageThenSignedInAndRemembered() {
		PowUser jane = register("jane@example.com", "secret-1234");
		byte[] secret = this.twoFactors.beginEnrolment(jane.getId()).orElseThrow();
		assertThat(this.twoFactors.confirmEnrolment(jane.getId(), code(secret, 0))).isPresent();
		String path = requestLinkPath("jane@example.com");
		Browser browser = browser();

		Browser.Page answer = pressSignIn(browser, path, Map.of("persistent_session", "true"));

		assertThat(answer.location()).endsWith("/two-factor/new");
		assertThat(browser.get("/notes").status()).as("no session before the code").isEqualTo(302);
		assertThat(browser.cookie("persistent_session")).as("no remember-me before the code").isEmpty();
		assertThat(confirmed("jane@example.com")).as("the link still proved the address").isTrue();
		Browser again = browser();
		assertInvalidLink(again, again.get(path));

		Browser.Page codePage = browser.get("/two-factor/new");
		Browser.Page signedIn = browser.submit(codePage, "form.pow-form", Map.of("code", code(secret, 1)));

		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(browser.cookie("persistent_session")).as("remembered after the code").isPresent();
	}

	// The code of the current time step, or of the next: each step's code works once.
	private String code(byte[] secret, int stepsAhead) {
		return Totp.code(secret, Totp.step(this.clock.instant()) + stepsAhead);
	}

}
