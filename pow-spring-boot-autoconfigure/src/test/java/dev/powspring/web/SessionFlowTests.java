package dev.powspring.web;

import dev.powspring.test.web.Browser;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out through Pow's pages.
 */
class SessionFlowTests extends WebFlowTestSupport {

	@Test
	void signInFormIsServedUncachedWithCsrfTokenAndLabels() {
		Browser.Page page = browser().get("/session/new");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).hasValue("no-cache, no-store, must-revalidate");
		assertThat(page.document().select("form.pow-form input[name=_csrf]").attr("value")).isNotBlank();
		assertThat(page.document().select("label[for=userId]").text()).isEqualTo("Email");
		assertThat(page.document().select("input[name=userId]").attr("autocomplete")).isEqualTo("email");
	}

	@Test
	void signInWhenCredentialsValidThenRedirectedHomeWithHardenedCookie() {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();

		Browser.Page answer = signIn(browser, " JANE@example.com ", "secret1234");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/");
		assertThat(answer.setCookies()).anySatisfy((cookie) -> assertThat(cookie).startsWith("pow_session=")
			.contains("Path=/")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Secure"));
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
	}

	@Test
	void signInWhenPasswordWrongThenFormShowsErrorAndKeepsEmail() {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();

		Browser.Page answer = signIn(browser, "jane@example.com", "wrong-password");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text(".pow-flash-error"))
			.isEqualTo("The provided login details did not work. Please verify your credentials, and try again.");
		assertThat(answer.document().select("input[name=userId]").attr("value")).isEqualTo("jane@example.com");
		assertThat(answer.document().select("input[name=password]").attr("value")).isEmpty();
		assertThat(browser.cookie("pow_session")).isEmpty();
	}

	@Test
	void signInWhenUserUnknownThenSameAnswerAsWrongPassword() {
		register(browser(), "jane@example.com", "secret1234");

		Browser.Page unknown = signIn(browser(), "nobody@example.com", "wrong-password");
		Browser.Page wrong = signIn(browser(), "jane@example.com", "wrong-password");

		assertThat(unknown.status()).isEqualTo(wrong.status());
		assertThat(unknown.text(".pow-flash-error")).isEqualTo(wrong.text(".pow-flash-error"));
	}

	@Test
	void signInWhenGermanRequestedThenGermanTexts() {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser().acceptLanguage("de");

		Browser.Page answer = signIn(browser, "jane@example.com", "wrong-password");

		assertThat(answer.text("h1")).isEqualTo("Anmelden");
		assertThat(answer.text(".pow-flash-error")).startsWith("Die Anmeldedaten waren nicht korrekt.");
	}

	@Test
	void protectedPageWhenAnonymousThenRedirectedToSignInRememberingThePage() {
		Browser.Page answer = browser().get("/notes?page=2");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/session/new?request_path=%2Fnotes%3Fpage%3D2");
	}

	@Test
	void signInWhenRequestPathGivenThenRedirectedThere() {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();
		Browser.Page form = browser.get(browser.get("/notes?page=2").location().replaceFirst("^https?://[^/]+", ""));

		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));

		assertThat(answer.location()).endsWith("/notes?page=2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example", "/\\evil.example", "https://evil.example", "/%09/evil.example",
			"javascript:alert(1)" })
	void signInWhenRequestPathLeavesTheSiteThenRedirectedHome(String requestPath) {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();
		Browser.Page form = browser.get("/session/new");

		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "request_path", requestPath));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).matches("(https?://localhost:\\d+)?/");
	}

	@Test
	void signInFormWhenAlreadySignedInThenRedirectedHome() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		Browser.Page answer = browser.get("/session/new");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).matches("(https?://localhost:\\d+)?/");
	}

	@Test
	void signOutThenSessionEndsAndProtectedPagesRedirect() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");
		String token = browser.cookie("pow_session").orElseThrow().getValue();

		Browser.Page answer = browser.submit(browser.get("/registration/edit"), "header form",
				Map.of("_method", "delete"));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/session/new");
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		Browser thief = browser();
		thief.setCookie("pow_session", token);
		assertThat(thief.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void signOutWhenAnonymousThenRedirectedToSignIn() {
		Browser browser = browser();
		Browser.Page form = browser.get("/session/new");
		String csrf = form.document().select("input[name=_csrf]").attr("value");

		Browser.Page answer = browser.post("/session", Map.of("_method", "delete", "_csrf", csrf));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).contains("/session/new");
	}

	@Test
	void apiWhenAnonymousAndJsonAcceptedThenUnauthorizedJson() {
		Browser.Page answer = browser().get("/api/me", "application/json");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(answer.body()).contains("\"status\":401").contains("\"message\":\"Not authenticated\"");
	}

	@Test
	void signInWhenMessageHasNoDefaultTextThenNoFlashShown() {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();
		Browser.Page form = browser.get("/session/new?request_path=/registration/edit");

		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));

		Browser.Page account = browser.follow(answer);
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.document().select(".pow-flash")).isEmpty();
	}

	@Test
	void signInFormWhenSignedInAndJsonAcceptedThenForbiddenJson() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		Browser.Page answer = browser.get("/session/new", "application/json");

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.body()).contains("Already authenticated");
	}

	@ParameterizedTest
	@ValueSource(strings = { "userId=a&userId=b&password=x", "fields%5B=1&userId=a&password=b",
			"fields%5Bx%5D%5By%5D=1&userId=a&password=b", "userId=%00&password=%00", "request_path=%0d%0a&userId=a" })
	void signInWhenParametersMalformedThenClearAnswerNotServerError(String body) {
		Browser browser = browser();
		String csrf = browser.get("/session/new").document().select("input[name=_csrf]").attr("value");

		Browser.Page answer = browser.postRaw("/session", body + "&_csrf=" + csrf);

		assertThat(answer.status()).isIn(200, 302, 400);
		assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at dev.powspring");
	}

	@Test
	void apiWhenSignedInThenAnswers() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		assertThat(browser.get("/api/me", "application/json").body()).contains("jane@example.com");
	}

}
