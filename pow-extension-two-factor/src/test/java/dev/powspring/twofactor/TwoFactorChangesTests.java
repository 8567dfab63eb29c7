package dev.powspring.twofactor;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import dev.powspring.admin.AdminAction;
import dev.powspring.admin.AdminActionEvent;
import dev.powspring.resetpassword.ResetPasswordTokens;
import dev.powspring.test.web.Browser;
import dev.powspring.twofactor.testapp.TwoFactorTestApplication.RecordedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turning two-factor sign-in off and creating new recovery codes need the password and a
 * current code; a password reset leaves it on; an admin can turn it off.
 */
class TwoFactorChangesTests extends TwoFactorTestSupport {

	@Autowired
	private RecordedEvents events;

	@Autowired
	private ResetPasswordTokens resetTokens;

	@BeforeEach
	void forgetEvents() {
		this.events.clear();
	}

	@Test
	void enrolmentPublishesEvent() {
		registerWithTwoFactor(EMAIL, PASSWORD);

		assertThat(this.events.of(TwoFactorEnabledEvent.class)).singleElement()
			.extracting(TwoFactorEnabledEvent::getUserId)
			.isEqualTo(userId(EMAIL));
	}

	@Test
	void disableWhenPasswordWrongThenStaysOn() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = signedInWithCode(enrolment);
		advanceStep();

		Browser.Page page = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-disable",
				Map.of("current_password", "wrong-password", "code", code(enrolment.secret())));

		assertThat(page.text(".pow-flash-error")).isEqualTo("The password is wrong.");
		assertThat(twoFactorEnabled(EMAIL)).isTrue();
	}

	@Test
	void disableWhenCodeWrongThenStaysOn() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = signedInWithCode(enrolment);
		advanceStep();

		Browser.Page page = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-disable",
				Map.of("current_password", PASSWORD, "code", enrolment.recoveryCodes().get(0)));

		assertThat(page.text(".pow-flash-error")).as("a recovery code is no current code")
			.startsWith("The code is wrong");
		assertThat(twoFactorEnabled(EMAIL)).isTrue();
	}

	@Test
	void disableWithPasswordAndCodeThenOffAndEvent() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = signedInWithCode(enrolment);
		advanceStep();

		Browser.Page page = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-disable",
				Map.of("current_password", PASSWORD, "code", code(enrolment.secret())));

		assertThat(page.status()).isEqualTo(302);
		assertThat(browser.follow(page).text(".pow-flash-info")).isEqualTo("Two-factor sign-in is off.");
		assertThat(twoFactorEnabled(EMAIL)).isFalse();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pow_two_factor_recovery_codes").query(Integer.class).single())
			.isZero();
		assertThat(this.events.of(TwoFactorDisabledEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.isByAdmin()).isFalse());
		assertThat(signIn(browser(), EMAIL, PASSWORD).location()).doesNotContain("two-factor");
	}

	@Test
	void regenerateNeedsPasswordAndCode() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = signedInWithCode(enrolment);
		advanceStep();

		Browser.Page refused = browser.submit(browser.get("/registration/two-factor"),
				"form.pow-two-factor-regenerate", Map.of("current_password", PASSWORD, "code", "000000"));
		assertThat(recoveryCodesOf(refused)).isEmpty();
		Browser.Page page = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-regenerate",
				Map.of("current_password", PASSWORD, "code", code(enrolment.secret())));

		assertThat(page.header("Cache-Control")).hasValue("no-store");
		assertThat(recoveryCodesOf(page)).hasSize(10).doesNotContainAnyElementsOf(enrolment.recoveryCodes());
		advanceStep();
		Browser other = browser();
		signIn(other, EMAIL, PASSWORD);
		assertThat(submitCode(other, enrolment.recoveryCodes().get(0)).text(".pow-flash-error"))
			.as("an old recovery code").startsWith("The code is wrong");
		assertThat(submitCode(other, recoveryCodesOf(page).get(0)).location()).isEqualTo(home());
	}

	@Test
	void passwordResetLeavesTwoFactorOn() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		String token = this.resetTokens.issue(this.resetTokens.generate(), userId(EMAIL));
		Browser browser = browser();

		Browser.Page reset = browser.submit(browser.get("/reset-password/" + token), "form.pow-form",
				Map.of("password", "new-secret-5678", "passwordConfirmation", "new-secret-5678"));

		assertThat(reset.status()).isEqualTo(302);
		assertThat(twoFactorEnabled(EMAIL)).isTrue();
		Browser.Page signIn = signIn(browser, EMAIL, "new-secret-5678");
		assertThat(signIn.location()).endsWith("/two-factor/new");
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		assertThat(submitCode(browser, code(enrolment.secret())).location()).isEqualTo(home());
	}

	@Test
	void adminTurnsTwoFactorOff() {
		registerWithTwoFactor(EMAIL, PASSWORD);
		register("admin@example.com", PASSWORD);
		this.users.setRoles(this.users.getByUserId("admin@example.com").orElseThrow(), Set.of("admin"));
		Browser admin = browser();
		assertThat(signIn(admin, "admin@example.com", PASSWORD).location()).isEqualTo(home());
		Long id = userId(EMAIL);

		Browser.Page show = admin.get("/admin/users/" + id);
		assertThat(show.text("[data-test=two-factor]")).isEqualTo("On");
		Browser.Page confirm = admin.submit(show, "form.pow-admin-disable-two-factor", Map.of());
		assertThat(twoFactorEnabled(EMAIL)).as("not before the admin confirms").isTrue();
		Browser.Page done = admin.submit(confirm, "form.pow-admin-confirm", Map.of());

		assertThat(admin.follow(done).text(".pow-flash-info")).isEqualTo("Two-factor sign-in of jane@example.com is off.");
		assertThat(twoFactorEnabled(EMAIL)).isFalse();
		assertThat(admin.get("/admin/users/" + id).text("[data-test=two-factor]")).isEqualTo("Off");
		assertThat(this.events.of(TwoFactorDisabledEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.isByAdmin()).isTrue());
		assertThat(this.events.of(AdminActionEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getAction()).isEqualTo(AdminAction.DISABLE_TWO_FACTOR));
		assertThat(signIn(browser(), EMAIL, PASSWORD).location()).isEqualTo(home());
	}

	@Test
	void adminActionWithoutCsrfTokenRefused() {
		registerWithTwoFactor(EMAIL, PASSWORD);
		register("admin@example.com", PASSWORD);
		this.users.setRoles(this.users.getByUserId("admin@example.com").orElseThrow(), Set.of("admin"));
		Browser admin = browser();
		signIn(admin, "admin@example.com", PASSWORD);

		Browser.Page page = admin.post("/admin/users/" + userId(EMAIL) + "/two-factor/disable",
				Map.of("confirmed", "true"));

		assertThat(page.status()).isEqualTo(403);
		assertThat(twoFactorEnabled(EMAIL)).isTrue();
	}

	private Browser signedInWithCode(Enrolment enrolment) {
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		assertThat(submitCode(browser, code(enrolment.secret())).location()).isEqualTo(home());
		return browser;
	}

	private void advanceStep() {
		this.clock.advance(Duration.ofSeconds(30));
	}

}
