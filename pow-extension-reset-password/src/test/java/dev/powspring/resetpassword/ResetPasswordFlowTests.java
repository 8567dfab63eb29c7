package dev.powspring.resetpassword;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole reset flow through the pages and a real SMTP server, and each way it refuses.
 */
class ResetPasswordFlowTests extends ResetPasswordTestSupport {

	@Test
	void resetWalksFromRequestThroughMailToNewPasswordAndSignsOutEverySession() throws Exception {
		register("jane@example.com", "old-secret-1");
		Browser laptop = browser();
		signIn(laptop, "jane@example.com", "old-secret-1");
		assertThat(laptop.get("/notes").status()).isEqualTo(200);
		Browser browser = browser();

		Browser.Page requested = requestReset(browser, " JANE@example.com ");

		assertThat(requested.status()).isEqualTo(302);
		assertThat(requested.location()).endsWith("/session/new");
		assertThat(browser.follow(requested).text(".pow-flash-info")).startsWith("If an account for the provided email exists");
		ReceivedMail mail = resetMailTo("jane@example.com");
		String link = mail.link("/reset-password/");
		assertThat(link).startsWith("http://localhost:" + this.port + "/reset-password/");

		Browser.Page form = browser.get(resetPath(mail));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Cache-Control")).hasValue("no-cache, no-store, must-revalidate");
		Browser.Page reset = chooseNewPassword(browser, resetPath(mail), "new-secret-2", "new-secret-2");

		assertThat(reset.status()).isEqualTo(302);
		assertThat(reset.location()).endsWith("/session/new");
		assertThat(browser.follow(reset).text(".pow-flash-info")).isEqualTo("The password has been updated.");
		assertThat(signIn(browser(), "jane@example.com", "old-secret-1").status()).isEqualTo(200);
		assertThat(signIn(browser(), "jane@example.com", "new-secret-2").status()).isEqualTo(302);
		assertThat(laptop.get("/notes").status()).as("the session from before the reset").isEqualTo(302);
		assertThat(browser.cookie("pow_session")).as("a reset does not sign in").isEmpty();
	}

	@Test
	void resetWhenLinkUsedTwiceThenSecondUseIsInvalid() throws Exception {
		register("jane@example.com", "old-secret-1");
		Browser browser = browser();
		requestReset(browser, "jane@example.com");
		String path = resetPath(resetMailTo("jane@example.com"));
		chooseNewPassword(browser, path, "new-secret-2", "new-secret-2");

		Browser.Page again = browser.get(path);

		assertInvalidToken(browser, again);
	}

	@Test
	void resetWhenLinkExpiredThenInvalid() throws Exception {
		register("jane@example.com", "old-secret-1");
		Browser browser = browser();
		requestReset(browser, "jane@example.com");
		String path = resetPath(resetMailTo("jane@example.com"));

		this.clock.advance(Duration.ofHours(2));

		assertInvalidToken(browser, browser.get(path));
	}

	@Test
	void resetWhenLinkTamperedOrMadeUpThenInvalid() throws Exception {
		register("jane@example.com", "old-secret-1");
		Browser browser = browser();
		requestReset(browser, "jane@example.com");
		String path = resetPath(resetMailTo("jane@example.com"));
		String token = path.substring(path.lastIndexOf('/') + 1);
		String tampered = "/reset-password/" + token.substring(0, token.lastIndexOf('.')) + "x"
				+ token.substring(token.lastIndexOf('.'));

		assertInvalidToken(browser, browser.get(tampered));
		assertInvalidToken(browser, browser.get("/reset-password/made-up"));
		String csrf = browser.get("/reset-password/new").document().select("input[name=_csrf]").attr("value");
		assertInvalidToken(browser, browser.post(tampered, Map.of("_method", "patch", "_csrf", csrf, "password",
				"new-secret-2", "passwordConfirmation", "new-secret-2")));
		assertThat(signIn(browser(), "jane@example.com", "old-secret-1").status()).isEqualTo(302);
	}

	@Test
	void resetWhenPasswordsInvalidThenFieldErrorsAndLinkStillWorks() throws Exception {
		register("jane@example.com", "old-secret-1");
		Browser browser = browser();
		requestReset(browser, "jane@example.com");
		String path = resetPath(resetMailTo("jane@example.com"));

		Browser.Page mismatch = chooseNewPassword(browser, path, "new-secret-2", "new-secret-3");
		Browser.Page tooShort = chooseNewPassword(browser, path, "short", "short");

		assertThat(mismatch.status()).isEqualTo(200);
		assertThat(mismatch.text("#passwordConfirmation-error")).isEqualTo("does not match confirmation");
		assertThat(tooShort.text("#password-error")).isEqualTo("should be at least 8 character(s)");
		assertThat(chooseNewPassword(browser, path, "new-secret-2", "new-secret-2").status()).isEqualTo(302);
		assertThat(signIn(browser(), "jane@example.com", "new-secret-2").status()).isEqualTo(302);
	}

	@Test
	void resetWhenNewerLinkUsedThenOlderLinksStopWorking() throws Exception {
		register("jane@example.com", "old-secret-1");
		Browser browser = browser();
		requestReset(browser, "jane@example.com");
		String older = resetPath(resetMailTo("jane@example.com"));
		requestReset(browser, "jane@example.com");
		String newer = resetPath(resetMailTo("jane@example.com"));

		chooseNewPassword(browser, newer, "new-secret-2", "new-secret-2");

		assertInvalidToken(browser, browser.get(older));
	}

	@Test
	void requestWhenEmailUnknownThenSameAnswerAsKnownAndNoMail() throws Exception {
		register("jane@example.com", "old-secret-1");

		Browser known = browser();
		Browser.Page knownAnswer = requestReset(known, "jane@example.com");
		Browser unknown = browser();
		Browser.Page unknownAnswer = requestReset(unknown, "nobody@example.com");

		assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status());
		assertThat(unknownAnswer.location()).isEqualTo(knownAnswer.location());
		assertThat(unknown.follow(unknownAnswer).text(".pow-flash-info"))
			.isEqualTo(known.follow(knownAnswer).text(".pow-flash-info"));
		resetMailTo("jane@example.com");
		assertThat(mailbox.received()).extracting(ReceivedMail::recipient).containsExactly("jane@example.com");
	}

	@Test
	void resetPagesWhenSignedInThenRedirectedAway() {
		register("jane@example.com", "old-secret-1");
		Browser browser = browser();
		signIn(browser, "jane@example.com", "old-secret-1");

		assertThat(browser.get("/reset-password/new").status()).isEqualTo(302);
	}

	@Test
	void signInPageLinksToPasswordReset() {
		Browser.Page page = browser().get("/session/new");

		assertThat(page.document().select("a[href=/reset-password/new]").text()).isEqualTo("Forgot your password?");
	}

	@Test
	void requestWhenCsrfTokenMissingThenForbiddenAndNoMail() throws Exception {
		register("jane@example.com", "old-secret-1");
		register("joe@example.com", "old-secret-1");
		Browser browser = browser();
		browser.get("/reset-password/new");

		assertThat(browser.post("/reset-password", Map.of("email", "jane@example.com")).status()).isEqualTo(403);

		requestReset(browser(), "joe@example.com");
		resetMailTo("joe@example.com");
		assertThat(mailbox.received()).as("no mail for the forged request").hasSize(1);
	}

	@Test
	void resetWhenOneLinkSubmittedConcurrentlyThenExactlyOneSucceeds() throws Exception {
		register("jane@example.com", "old-secret-1");
		requestReset(browser(), "jane@example.com");
		String path = resetPath(resetMailTo("jane@example.com"));
		int attempts = 50;
		List<Browser> browsers = new ArrayList<>();
		List<Browser.Page> forms = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			Browser browser = browser();
			browsers.add(browser);
			forms.add(browser.get(path));
		}
		ExecutorService executor = Executors.newFixedThreadPool(attempts);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Browser.Page>> answers = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				Browser browser = browsers.get(i);
				Browser.Page form = forms.get(i);
				String password = "new-secret-" + i;
				answers.add(executor.submit(() -> {
					start.await();
					return browser.submit(form, "form.pow-form",
							Map.of("password", password, "passwordConfirmation", password));
				}));
			}
			start.countDown();
			List<String> locations = new ArrayList<>();
			for (Future<Browser.Page> answer : answers) {
				locations.add(answer.get(20, TimeUnit.SECONDS).location());
			}

			assertThat(locations).filteredOn((location) -> location.endsWith("/session/new")).hasSize(1);
			assertThat(locations).filteredOn((location) -> location.endsWith("/reset-password/new"))
				.hasSize(attempts - 1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void resetEndsALockoutAnAttackerCaused() throws Exception {
		register("jane@example.com", "old-secret-1");
		for (int i = 0; i < 10; i++) {
			signIn(browser(), "jane@example.com", "guess-" + i);
		}
		assertThat(signIn(browser(), "jane@example.com", "old-secret-1").status()).isEqualTo(429);
		Browser browser = browser();
		requestReset(browser, "jane@example.com");

		chooseNewPassword(browser, resetPath(resetMailTo("jane@example.com")), "new-secret-2", "new-secret-2");

		assertThat(signIn(browser(), "jane@example.com", "new-secret-2").status()).isEqualTo(302);
	}

	@Test
	void resetRequestsForOneAddressAreLimited() throws Exception {
		register("jane@example.com", "old-secret-1");
		for (int i = 0; i < 5; i++) {
			assertThat(requestReset(browser(), "jane@example.com").status()).isEqualTo(302);
		}

		Browser.Page refused = requestReset(browser(), "jane@example.com");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("3600");
		assertThat(refused.text(".pow-flash-error")).startsWith("Too many attempts.");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void requestThroughAnUntrustedHostThenTheUsualAnswerNoMailAndAnError(CapturedOutput output) {
		register("jane@example.com", "old-secret-1");
		register("joe@example.com", "old-secret-1");
		Browser browser = browser();
		String csrf = browser.get("/reset-password/new").document().select("input[name=_csrf]").attr("value");

		Browser.Page answer = browser.postWithHost("evil.example", "/reset-password",
				Map.of("email", "jane@example.com", "_csrf", csrf));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/session/new");
		assertThat(output).contains("untrusted host 'evil.example'").contains("pow.allowed-hosts");
		requestReset(browser(), "joe@example.com");
		resetMailTo("joe@example.com");
		assertThat(mailbox.receivedBy("jane@example.com")).as("no link for evil.example").isEmpty();
	}

	@Test
	void resetRequestsForOneAddressAreLimitedWhateverTheWhitespaceOrCase() {
		register("jane@example.com", "old-secret-1");
		for (String email : new String[] { "jane@example.com", " jane@example.com", "jane@example.com ",
				"\tJANE@example.com", "jane@example.com\n" }) {
			assertThat(requestReset(browser(), email).status()).isEqualTo(302);
		}

		assertThat(requestReset(browser(), "  Jane@Example.com  ").status()).isEqualTo(429);
	}

	@Test
	void resetRequestsSentInParallelThenNoMoreThanTheLimitGoThrough() throws Exception {
		register("jane@example.com", "old-secret-1");
		int requests = 30;
		List<Browser> browsers = new ArrayList<>();
		List<Browser.Page> forms = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			Browser browser = browser();
			browsers.add(browser);
			forms.add(browser.get("/reset-password/new"));
		}
		ExecutorService attacker = Executors.newFixedThreadPool(requests);
		List<Integer> statuses = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				Browser browser = browsers.get(i);
				Browser.Page form = forms.get(i);
				answers.add(attacker.submit(() -> {
					start.await();
					return browser.submit(form, "form.pow-form", Map.of("email", "jane@example.com")).status();
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(20, TimeUnit.SECONDS));
			}
		}
		finally {
			attacker.shutdownNow();
		}

		assertThat(statuses).filteredOn((status) -> status == 302).as("requests let through").hasSize(5);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSize(requests - 5);
	}

	private static void assertInvalidToken(Browser browser, Browser.Page answer) {
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/reset-password/new");
		assertThat(browser.follow(answer).text(".pow-flash-error")).isEqualTo("The reset token has expired.");
	}

	private static Browser.Page signIn(Browser browser, String email, String password) {
		return browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", password));
	}

}
