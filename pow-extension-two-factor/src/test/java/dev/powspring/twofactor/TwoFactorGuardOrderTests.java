package dev.powspring.twofactor;

import java.time.Duration;

import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor is asked last: a locked or unconfirmed user with two-factor sign-in
 * is told so after the password, not asked for a code.
 */
@TestPropertySource(properties = "pow.email-confirmation.enabled=true")
class TwoFactorGuardOrderTests extends TwoFactorTestSupport {

	@Autowired
	private TwoFactors twoFactors;

	@Test
	void unconfirmedUserToldToConfirmFirst() {
		register(EMAIL, PASSWORD);
		turnOn(userId(EMAIL));
		Browser browser = browser();

		Browser.Page page = signIn(browser, EMAIL, PASSWORD);

		assertThat(page.location()).endsWith("/session/new");
		assertThat(browser.follow(page).text(".pow-flash-info")).startsWith("You'll need to confirm your e-mail");
		assertThat(browser.cookie("pow_two_factor_pending")).isEmpty();
	}

	@Test
	void lockedUserToldSoFirst() {
		register(EMAIL, PASSWORD);
		this.jdbc.sql("UPDATE users SET email_confirmed_at = now()").update();
		turnOn(userId(EMAIL));
		PowUser user = this.users.getByUserId(EMAIL).orElseThrow();
		this.users.lock(user, "spam");
		Browser browser = browser();

		Browser.Page page = signIn(browser, EMAIL, PASSWORD);

		assertThat(page.location()).endsWith("/session/new");
		assertThat(browser.follow(page).text(".pow-flash-error")).isEqualTo("Your account is locked.");
		assertThat(browser.cookie("pow_two_factor_pending")).isEmpty();
	}

	@Test
	void confirmedUserAskedForTheCode() {
		register(EMAIL, PASSWORD);
		this.jdbc.sql("UPDATE users SET email_confirmed_at = now()").update();
		turnOn(userId(EMAIL));

		assertThat(signIn(browser(), EMAIL, PASSWORD).location()).endsWith("/two-factor/new");
	}

	private void turnOn(Long userId) {
		byte[] secret = this.twoFactors.beginEnrolment(userId).orElseThrow();
		assertThat(this.twoFactors.confirmEnrolment(userId, Totp.code(secret, Totp.step(this.clock.instant()))))
			.isPresent();
		this.clock.advance(Duration.ofSeconds(30));
	}

}
