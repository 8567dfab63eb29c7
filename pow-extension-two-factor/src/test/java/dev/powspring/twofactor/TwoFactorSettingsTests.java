package dev.powspring.twofactor;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Remember this device", and the roles that must have two-factor sign-in.
 */
@TestPropertySource(properties = { "pow.two-factor.remember-device=30d", "pow.two-factor.required-roles=staff",
		"pow.two-factor.issuer=Acme Notes" })
class TwoFactorSettingsTests extends TwoFactorTestSupport {

	@Test
	void rememberedDeviceSkipsTheCodeOnThatDeviceOnly() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		Browser.Page codePage = browser.get("/two-factor/new");
		assertThat(codePage.text(".pow-checkbox")).isEqualTo("Remember this device for 30 days");

		browser.submit(codePage, "form.pow-form", Map.of("code", code(enrolment.secret()), "remember_device", "true"));

		String device = browser.cookie("pow_two_factor_device").orElseThrow().getValue();
		Browser sameDevice = browser();
		sameDevice.setCookie("pow_two_factor_device", device);
		assertThat(signIn(sameDevice, EMAIL, PASSWORD).location()).isEqualTo(home());
		assertThat(sameDevice.get("/notes").status()).isEqualTo(200);
		assertThat(signIn(browser(), EMAIL, PASSWORD).location()).as("another device")
			.endsWith("/two-factor/new");
	}

	@Test
	void rememberedDeviceStillNeedsThePassword() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		submitCode(browser, code(enrolment.secret()), Map.of("remember_device", "true"));
		Browser sameDevice = browser();
		sameDevice.setCookie("pow_two_factor_device", browser.cookie("pow_two_factor_device").orElseThrow().getValue());

		assertThat(signIn(sameDevice, EMAIL, "wrong-password").status()).isEqualTo(200);
		assertThat(sameDevice.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void rememberedDeviceIsBoundToItsUser() {
		Enrolment jane = registerWithTwoFactor(EMAIL, PASSWORD);
		registerWithTwoFactor("bob@example.com", PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		submitCode(browser, code(jane.secret()), Map.of("remember_device", "true"));
		Browser bob = browser();
		bob.setCookie("pow_two_factor_device", browser.cookie("pow_two_factor_device").orElseThrow().getValue());

		assertThat(signIn(bob, "bob@example.com", PASSWORD).location()).endsWith("/two-factor/new");
	}

	@Test
	void rememberedDeviceForgottenAfterItsTime() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		submitCode(browser, code(enrolment.secret()), Map.of("remember_device", "true"));
		Browser sameDevice = browser();
		sameDevice.setCookie("pow_two_factor_device", browser.cookie("pow_two_factor_device").orElseThrow().getValue());
		this.clock.advance(Duration.ofDays(31));

		assertThat(signIn(sameDevice, EMAIL, PASSWORD).location()).endsWith("/two-factor/new");
	}

	@Test
	void issuerNamesTheAccountInTheApp() {
		register(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page setup = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-setup",
				Map.of("current_password", PASSWORD));

		assertThat(setup.document().select("a.pow-two-factor-uri").attr("href"))
			.startsWith("otpauth://totp/Acme%20Notes:jane%40example.com?secret=")
			.contains("&issuer=Acme%20Notes&");
	}

	@Test
	void requiredRoleForcesEnrolmentAtSignIn() {
		register(EMAIL, PASSWORD);
		this.users.setRoles(this.users.getByUserId(EMAIL).orElseThrow(), Set.of("staff"));
		Browser browser = browser();

		Browser.Page password = signIn(browser, EMAIL, PASSWORD, Map.of("persistent_session", "true"));

		assertThat(password.location()).endsWith("/two-factor/new");
		assertThat(browser.get("/notes").status()).as("not signed in yet").isEqualTo(302);
		Browser.Page enrol = browser.get("/two-factor/new");
		assertThat(enrol.text("h1")).isEqualTo("Set up two-factor sign-in");
		assertThat(enrol.body()).contains("Your account needs two-factor sign-in.");
		assertThat(enrol.document().select("input[name=current_password]")).as("the password was just proven")
			.isEmpty();
		String secret = secretOf(enrol);
		String wrong = String.format("%06d", (Integer.parseInt(code(secret)) + 1) % 1_000_000);
		Browser.Page retry = browser.submit(enrol, "form.pow-two-factor-confirm", Map.of("code", wrong));
		assertThat(retry.text(".pow-flash-error")).startsWith("The code is wrong");
		assertThat(secretOf(retry)).isEqualTo(secret);
		assertThat(twoFactorEnabled(EMAIL)).isFalse();

		Browser.Page codes = browser.submit(retry, "form.pow-two-factor-confirm", Map.of("code", code(secret)));

		assertThat(codes.status()).isEqualTo(200);
		assertThat(recoveryCodesOf(codes)).hasSize(10);
		assertThat(twoFactorEnabled(EMAIL)).isTrue();
		assertThat(browser.get("/notes").status()).isEqualTo(200);
		assertThat(browser.cookie("persistent_session")).as("remember-me, asked at the password step").isPresent();
	}

	@Test
	void requiredRoleUserWithTwoFactorIsAskedForTheCode() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		this.users.setRoles(this.users.getByUserId(EMAIL).orElseThrow(), Set.of("staff"));
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		assertThat(browser.get("/two-factor/new").text("h1")).isEqualTo("Two-factor sign-in");
		assertThat(submitCode(browser, code(enrolment.secret())).location()).isEqualTo(home());
	}

	@Test
	void userWithoutRequiredRoleSignsInWithPassword() {
		register(EMAIL, PASSWORD);

		assertThat(signIn(browser(), EMAIL, PASSWORD).location()).isEqualTo(home());
	}

}
