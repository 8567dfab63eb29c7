package dev.powspring.twofactor;

import java.time.Duration;
import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a second factor: the pending half-session, the code page, codes that
 * are wrong, reused or expired, and recovery codes.
 */
class TwoFactorSignInTests extends TwoFactorTestSupport {

	@Test
	void passwordRightThenCodePageAndNoSession() {
		registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();

		Browser.Page page = signIn(browser, EMAIL, PASSWORD);

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/two-factor/new");
		assertThat(browser.cookie("pow_session")).isEmpty();
		String pendingCookie = page.setCookies()
			.stream()
			.filter((cookie) -> cookie.startsWith("pow_two_factor_pending="))
			.findFirst()
			.orElseThrow();
		assertThat(pendingCookie).contains("HttpOnly").contains("SameSite=Lax");
		assertThat(browser.get("/two-factor/new").text("h1")).isEqualTo("Two-factor sign-in");
	}

	@Test
	void pendingHalfSessionPassesNoGuard() {
		registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page notes = browser.get("/notes");
		Browser.Page account = browser.get("/registration/edit");

		assertThat(notes.status()).isEqualTo(302);
		assertThat(notes.location()).contains("/session/new");
		assertThat(account.status()).isEqualTo(302);
		assertThat(account.location()).contains("/session/new");
		assertThat(browser.get("/two-factor/new").status()).as("the half-session lives on").isEqualTo(200);
	}

	@Test
	void codeRightThenSignedIn() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page page = submitCode(browser, code(enrolment.secret()));

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).isEqualTo(home());
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(browser.get("/two-factor/new").status()).as("the half-session is used up").isEqualTo(302);
	}

	@Test
	void requestedPageReachedAfterTheCode() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		Browser.Page form = browser.follow(browser.get("/notes"));

		Browser.Page password = browser.submit(form, "form.pow-form", Map.of("userId", EMAIL, "password", PASSWORD));

		assertThat(password.location()).endsWith("/two-factor/new");
		assertThat(submitCode(browser, code(enrolment.secret())).location()).endsWith("/notes");
	}

	@Test
	void codeWrongThenCodePageWithError() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		String wrong = String.format("%06d", (Integer.parseInt(code(enrolment.secret())) + 1) % 1_000_000);

		Browser.Page page = submitCode(browser, wrong);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text(".pow-flash-error")).startsWith("The code is wrong");
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void codeReusedInItsStepThenRefused() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		String code = code(enrolment.secret());
		Browser first = browser();
		signIn(first, EMAIL, PASSWORD);
		assertThat(submitCode(first, code).location()).isEqualTo(home());

		Browser second = browser();
		signIn(second, EMAIL, PASSWORD);
		Browser.Page page = submitCode(second, code);

		assertThat(page.text(".pow-flash-error")).startsWith("The code is wrong");
		assertThat(second.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void codeOfEarlierStepThanOneUsedThenRefused() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		String earlier = code(enrolment.secret());
		this.clock.advance(Duration.ofSeconds(30));
		Browser first = browser();
		signIn(first, EMAIL, PASSWORD);
		assertThat(submitCode(first, code(enrolment.secret())).location()).isEqualTo(home());

		Browser second = browser();
		signIn(second, EMAIL, PASSWORD);

		assertThat(submitCode(second, earlier).text(".pow-flash-error")).as("within the window, but older")
			.startsWith("The code is wrong");
	}

	@Test
	void codeOfPreviousStepAcceptedWithinWindow() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		String code = code(enrolment.secret());
		this.clock.advance(Duration.ofSeconds(30));
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		assertThat(submitCode(browser, code).location()).isEqualTo(home());
	}

	@Test
	void codeExpiredThenRefused() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		String code = code(enrolment.secret());
		this.clock.advance(Duration.ofSeconds(90));
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page page = submitCode(browser, code);

		assertThat(page.text(".pow-flash-error")).startsWith("The code is wrong");
	}

	@Test
	void recoveryCodeWorksOnce() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		String recoveryCode = enrolment.recoveryCodes().get(3).toUpperCase();
		Browser first = browser();
		signIn(first, EMAIL, PASSWORD);

		Browser.Page signedIn = submitCode(first, recoveryCode);

		assertThat(signedIn.location()).isEqualTo(home());
		assertThat(first.get("/notes").status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pow_two_factor_recovery_codes").query(Integer.class).single())
			.isEqualTo(9);
		Browser second = browser();
		signIn(second, EMAIL, PASSWORD);
		assertThat(submitCode(second, recoveryCode).text(".pow-flash-error")).startsWith("The code is wrong");
		assertThat(second.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void pendingHalfSessionExpires() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		this.clock.advance(Duration.ofMinutes(6));

		Browser.Page page = browser.get("/two-factor/new");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/session/new");
		assertThat(browser.post("/two-factor", Map.of("code", code(enrolment.secret()))).status())
			.as("without a CSRF token, or a half-session").isIn(302, 403);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void tamperedPendingCookieThenSignInPage() {
		registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		browser.setCookie("pow_two_factor_pending", browser.cookie("pow_two_factor_pending").orElseThrow().getValue() + "x");

		assertThat(browser.get("/two-factor/new").location()).endsWith("/session/new");
	}

	@Test
	void wrongCodesEndTheHalfSession() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		String wrong = String.format("%06d", (Integer.parseInt(code(enrolment.secret())) + 1) % 1_000_000);
		Browser.Page page = browser.get("/two-factor/new");
		for (int i = 0; i < 4; i++) {
			page = browser.submit(page, "form.pow-form", Map.of("code", wrong));
			assertThat(page.status()).isEqualTo(200);
		}

		Browser.Page last = browser.submit(page, "form.pow-form", Map.of("code", wrong));

		assertThat(last.status()).isEqualTo(302);
		assertThat(last.location()).endsWith("/session/new");
		assertThat(browser.get("/two-factor/new").location()).as("the half-session is over").endsWith("/session/new");
	}

	@Test
	void codeGuessingThrottledAcrossHalfSessions() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		String wrong = String.format("%06d", (Integer.parseInt(code(enrolment.secret())) + 1) % 1_000_000);
		// Ten wrong codes over two half-sessions: each password sign-in is right.
		for (int session = 0; session < 2; session++) {
			signIn(browser, EMAIL, PASSWORD);
			Browser.Page page = browser.get("/two-factor/new");
			for (int i = 0; i < 5; i++) {
				page = browser.submit(browser.get("/two-factor/new"), "form.pow-form", Map.of("code", wrong));
			}
		}
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page refused = submitCode(browser, code(enrolment.secret()));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isPresent();
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void rememberMeIssuedOnlyAfterTheCode() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();

		Browser.Page password = signIn(browser, EMAIL, PASSWORD, Map.of("persistent_session", "true"));

		assertThat(password.setCookies()).noneMatch((cookie) -> cookie.startsWith("persistent_session="));
		assertThat(browser.cookie("persistent_session")).isEmpty();
		Browser.Page codePage = browser.get("/two-factor/new");
		assertThat(codePage.document().select("input[name=persistent_session]").attr("value")).isEqualTo("true");

		browser.submit(codePage, "form.pow-form", Map.of("code", code(enrolment.secret())));

		assertThat(browser.cookie("persistent_session")).isPresent();
	}

	@Test
	void rememberMeNotIssuedWhenNotAsked() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		submitCode(browser, code(enrolment.secret()));

		assertThat(browser.get("/notes").status()).isEqualTo(200);
		assertThat(browser.cookie("persistent_session")).isEmpty();
	}

	@Test
	void codePageInGerman() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser().acceptLanguage("de");
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page page = browser.get("/two-factor/new");
		assertThat(page.text("h1")).isEqualTo("Zwei-Faktor-Anmeldung");
		Browser.Page wrong = browser.submit(page, "form.pow-form", Map.of("code", "12 34 5x"));

		assertThat(wrong.text(".pow-flash-error")).startsWith("Der Code ist falsch");
		assertThat(browser.submit(wrong, "form.pow-form", Map.of("code", " " + code(enrolment.secret()) + " "))
			.location()).as("spaces around the code are fine").isEqualTo(home());
	}

	@Test
	void codeBlankThenAskedAgain() {
		registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		Browser.Page answer = submitCode(browser, "");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text(".pow-flash-error")).startsWith("The code is wrong");
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void rememberDeviceIsOffByDefault() {
		registerWithTwoFactor(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);

		assertThat(browser.get("/two-factor/new").document().select("input[name=remember_device]")).isEmpty();
	}

}
