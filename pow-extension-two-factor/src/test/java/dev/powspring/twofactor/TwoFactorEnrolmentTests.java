package dev.powspring.twofactor;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setting two-factor sign-in up from the account page.
 */
class TwoFactorEnrolmentTests extends TwoFactorTestSupport {

	@Test
	void accountPageLinksToTwoFactorSettings() {
		register(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page account = browser.get("/registration/edit");

		assertThat(account.document().select(".pow-two-factor-section a").attr("href"))
			.isEqualTo("/registration/two-factor");
		assertThat(account.text(".pow-two-factor-section")).contains("Two-factor sign-in is off");
	}

	@Test
	void settingsWhenSignedOutThenSignInPage() {
		Browser.Page page = browser().get("/registration/two-factor");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).contains("/session/new");
	}

	@Test
	void setupWhenPasswordWrongThenNoSecret() {
		register(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page page = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-setup",
				Map.of("current_password", "wrong-password"));

		assertThat(page.text(".pow-flash-error")).isEqualTo("The password is wrong.");
		assertThat(page.document().select(".pow-two-factor-secret")).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pow_two_factor").query(Integer.class).single()).isZero();
	}

	@Test
	void setupShowsQrCodeUriAndSecret() {
		register(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page page = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-setup",
				Map.of("current_password", PASSWORD));

		String secret = secretOf(page);
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(page.document().select(".pow-two-factor-qr img").attr("src"))
			.startsWith("data:image/svg+xml;base64,");
		assertThat(page.document().select("a.pow-two-factor-uri").attr("href"))
			.isEqualTo("otpauth://totp/Pow:jane%40example.com?secret=" + secret
					+ "&issuer=Pow&algorithm=SHA1&digits=6&period=30");
		assertThat(twoFactorEnabled(EMAIL)).as("on before a code confirms it").isFalse();
		String stored = this.jdbc.sql("SELECT encrypted_secret FROM pow_two_factor").query(String.class).single();
		assertThat(stored).startsWith("v1:").doesNotContain(secret);
	}

	@Test
	void confirmWhenCodeWrongThenTwoFactorStaysOff() {
		register(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		Browser.Page setup = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-setup",
				Map.of("current_password", PASSWORD));
		String secret = secretOf(setup);
		String wrong = String.format("%06d", (Integer.parseInt(code(secret)) + 1) % 1_000_000);

		Browser.Page page = browser.submit(setup, "form.pow-two-factor-confirm", Map.of("code", wrong));

		assertThat(page.text(".pow-flash-error")).startsWith("The code is wrong");
		assertThat(secretOf(page)).as("the same secret, to try again").isEqualTo(secret);
		assertThat(twoFactorEnabled(EMAIL)).isFalse();
		assertThat(signIn(browser(), EMAIL, PASSWORD).location()).as("still one factor").doesNotContain("two-factor");
	}

	@Test
	void confirmWhenCodeRightThenOnWithTenRecoveryCodesStoredHashed() {
		register(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Enrolment enrolment = enrol(browser, PASSWORD);

		assertThat(twoFactorEnabled(EMAIL)).isTrue();
		assertThat(enrolment.recoveryCodes()).doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
		assertThat(this.jdbc.sql("SELECT code_hash FROM pow_two_factor_recovery_codes").query(String.class).list())
			.hasSize(10)
			.allMatch((hash) -> hash.matches("[0-9a-f]{64}"))
			.doesNotContainAnyElementsOf(enrolment.recoveryCodes());
		Browser.Page settings = browser.get("/registration/two-factor");
		assertThat(settings.body()).contains("Two-factor sign-in is on.").contains("Recovery codes left: 10");
		assertThat(settings.document().select(".pow-two-factor-recovery-codes")).as("shown once").isEmpty();
	}

	@Test
	void accountDeletedThenTwoFactorRowsGone() {
		registerWithTwoFactor(EMAIL, PASSWORD);

		this.users.delete(this.users.getByUserId(EMAIL).orElseThrow());

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pow_two_factor").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pow_two_factor_recovery_codes").query(Integer.class).single())
			.isZero();
	}

}
