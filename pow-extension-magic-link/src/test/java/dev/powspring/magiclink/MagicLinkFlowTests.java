package dev.powspring.magiclink;

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
import dev.powspring.user.PowUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole magic link flow through the pages and a real SMTP server, and each way it
 * refuses.
 */
class MagicLinkFlowTests extends MagicLinkTestSupport {

	@Test
	void linkWalksFromRequestThroughMailToSignedInAndConfirmsTheAddress() throws Exception {
		register("jane@example.com", "secret-1234");
		assertThat(confirmed("jane@example.com")).as("registered, not yet confirmed").isFalse();
		Browser browser = browser();

		Browser.Page requested = requestLink(browser, " JANE@example.com ");

		assertThat(requested.status()).isEqualTo(302);
		assertThat(requested.location()).endsWith("/session/new");
		assertThat(browser.follow(requested).text(".pow-flash-info"))
			.startsWith("If an account for the provided email exists, an email with a sign-in link");
		ReceivedMail mail = linkMailTo("jane@example.com");
		assertThat(mail.link("/magic-link/")).startsWith("http://localhost:" + this.port + "/magic-link/");
		Browser.Page page = browser.get(linkPath(mail));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).hasValue("no-cache, no-store, must-revalidate");
		assertThat(page.document().select("form.pow-form button").text()).isEqualTo("Sign in");
		assertThat(page.document().select("form.pow-form input[name=_csrf]")).hasSize(1);

		Browser.Page signedIn = browser.submit(page, "form.pow-form", Map.of());

		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).doesNotContain("/magic-link").doesNotContain("/session/new");
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(confirmed("jane@example.com")).as("the link proved control of the address").isTrue();
		assertThat(browser.cookie("persistent_session")).as("not asked to be remembered").isEmpty();
	}

	@Test
	void openingTheLinkChangesNothing() throws Exception {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		Browser scanner = browser();

		assertThat(scanner.get(path).status()).isEqualTo(200);
		assertThat(scanner.get(path).status()).isEqualTo(200);

		assertThat(scanner.cookie("pow_session")).isEmpty();
		assertThat(scanner.get("/notes").status()).as("a fetch signs no one in").isEqualTo(302);
		assertThat(confirmed("jane@example.com")).as("nor confirms anything").isFalse();
		Browser owner = browser();
		assertThat(pressSignIn(owner, path).status()).as("the link still works").isEqualTo(302);
		assertThat(owner.get("/notes").status()).isEqualTo(200);
		assertThat(scanner.get("/notes").status()).as("the fetcher stays signed out").isEqualTo(302);
	}

	@Test
	void linkWhenUsedTwiceThenSecondUseIsInvalid() {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		Browser first = browser();
		Browser.Page form = first.get(path);
		Browser second = browser();
		Browser.Page secondForm = second.get(path);
		assertThat(first.submit(form, "form.pow-form", Map.of()).status()).isEqualTo(302);

		assertInvalidLink(second, second.submit(secondForm, "form.pow-form", Map.of()));
		assertInvalidLink(second, second.get(path));
		assertThat(second.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void linkWhenExpiredThenInvalid() {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		Browser browser = browser();
		Browser.Page form = browser.get(path);
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(browser().get(path).status()).as("still within 15 minutes").isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(2));

		assertInvalidLink(browser, browser.get(path));
		assertInvalidLink(browser, browser.submit(form, "form.pow-form", Map.of()));
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void linkWhenTamperedOrMadeUpThenInvalidNeverAnError() {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		String token = path.substring(path.lastIndexOf('/') + 1);
		String tampered = "/magic-link/" + token.substring(0, token.lastIndexOf('.')) + "x"
				+ token.substring(token.lastIndexOf('.'));
		Browser browser = browser();

		assertInvalidLink(browser, browser.get(tampered));
		assertInvalidLink(browser, browser.get("/magic-link/made-up"));
		String csrf = browser.get("/magic-link/new").document().select("input[name=_csrf]").attr("value");
		assertInvalidLink(browser, browser.post(tampered, Map.of("_csrf", csrf)));
		assertInvalidLink(browser, browser.post("/magic-link/made-up", Map.of("_csrf", csrf)));
		assertThat(pressSignIn(browser(), path).status()).as("the real link still works").isEqualTo(302);
	}

	@Test
	void signInWhenCsrfTokenMissingThenForbiddenAndLinkStillWorks() {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		Browser browser = browser();
		browser.get(path);

		assertThat(browser.post(path, Map.of()).status()).isEqualTo(403);

		assertThat(browser.get("/notes").status()).isEqualTo(302);
		assertThat(pressSignIn(browser, path).status()).isEqualTo(302);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
	}

	@Test
	void requestWhenEmailUnknownThenSameAnswerAsKnownAndNoMail() {
		register("jane@example.com", "secret-1234");

		Browser known = browser();
		Browser.Page knownAnswer = requestLink(known, "jane@example.com");
		Browser unknown = browser();
		Browser.Page unknownAnswer = requestLink(unknown, "nobody@example.com");

		assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status());
		assertThat(unknownAnswer.location()).isEqualTo(knownAnswer.location());
		assertThat(unknown.follow(unknownAnswer).text(".pow-flash-info"))
			.isEqualTo(known.follow(knownAnswer).text(".pow-flash-info"));
		linkMailTo("jane@example.com");
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.received()).extracting(ReceivedMail::recipient).containsExactly("jane@example.com");
	}

	@Test
	void requestWhenAccountLockedThenSameAnswerAndNoMail() {
		PowUser eve = register("eve@example.com", "secret-1234");
		this.users.lock(eve, "spam");
		Browser browser = browser();

		Browser.Page answer = requestLink(browser, "eve@example.com");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/session/new");
		assertThat(browser.follow(answer).text(".pow-flash-info")).startsWith("If an account for the provided email");
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("eve@example.com")).isEmpty();
	}

	@Test
	void linkWhenAccountLockedSinceThenInvalid() {
		PowUser eve = register("eve@example.com", "secret-1234");
		String path = requestLinkPath("eve@example.com");
		Browser browser = browser();
		Browser.Page form = browser.get(path);

		this.users.lock(eve, "spam");

		assertInvalidLink(browser, browser.submit(form, "form.pow-form", Map.of()));
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void linkWhenTheAccountsAddressChangedSinceThenInvalid() {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		Browser browser = browser();
		Browser.Page form = browser.get(path);

		this.jdbc.sql("UPDATE users SET email = 'jane.new@example.com' WHERE email = 'jane@example.com'").update();

		assertInvalidLink(browser, browser.submit(form, "form.pow-form", Map.of()));
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		assertThat(confirmed("jane.new@example.com")).as("the new address is not confirmed by it").isFalse();
	}

	@Test
	void requestWhenEmailMissingBlankOrOddThenTheUsualAnswer() {
		Browser browser = browser();
		String csrf = browser.get("/magic-link/new").document().select("input[name=_csrf]").attr("value");

		for (Map<String, String> fields : List.of(Map.of("_csrf", csrf), Map.of("_csrf", csrf, "email", ""),
				Map.of("_csrf", csrf, "email", "x".repeat(5000) + "@example.com"),
				Map.of("_csrf", csrf, "email", "'; DROP TABLE users; --"))) {
			Browser.Page answer = browser.post("/magic-link", fields);
			assertThat(answer.status()).isEqualTo(302);
			assertThat(answer.location()).endsWith("/session/new");
		}
	}

	@Test
	void requestsForOneAddressAreLimited() {
		register("jane@example.com", "secret-1234");
		for (int i = 0; i < 5; i++) {
			assertThat(requestLink(browser(), "jane@example.com").status()).isEqualTo(302);
		}

		Browser.Page refused = requestLink(browser(), " Jane@Example.com");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("3600");
		assertThat(refused.text(".pow-flash-error")).startsWith("Too many attempts.");
	}

	@Test
	void requestsAreLimitedApartFromPasswordResets() {
		register("jane@example.com", "secret-1234");
		for (int i = 0; i < 5; i++) {
			requestLink(browser(), "jane@example.com");
		}
		assertThat(requestLink(browser(), "jane@example.com").status()).isEqualTo(429);

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));

		assertThat(requestLink(browser(), "jane@example.com").status()).as("after the lockout").isEqualTo(302);
	}

	@Test
	void pagesWhenSignedInThenRedirectedAway() {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		Browser browser = browser();
		pressSignIn(browser, path);
		String other = requestLinkPath("jane@example.com");

		assertThat(browser.get("/magic-link/new").status()).isEqualTo(302);
		assertThat(browser.get(other).status()).isEqualTo(302);
		assertThat(pressSignIn(browser(), other).status()).as("the link was left alone").isEqualTo(302);
	}

	@Test
	void signInPageLinksToMagicLinks() {
		Browser.Page page = browser().get("/session/new");

		assertThat(page.document().select("a[href=/magic-link/new]").text()).isEqualTo("Email me a sign-in link");
	}

	@Test
	void rememberMeWhenTickedOnTheLinkPage() {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		Browser browser = browser();
		Browser.Page page = browser.get(path);
		assertThat(page.document().select("form.pow-form input[type=checkbox][name=persistent_session]")).hasSize(1);

		browser.submit(page, "form.pow-form", Map.of("persistent_session", "true"));

		assertThat(browser.cookie("persistent_session")).isPresent();
	}

	@Test
	void requestPageInGerman() {
		Browser.Page page = browser().acceptLanguage("de").get("/magic-link/new");

		assertThat(page.text("h1")).isEqualTo("Per E-Mail anmelden");
		assertThat(page.text("form.pow-form button")).isEqualTo("Anmeldelink senden");
	}

	@Test
	void linkSubmittedConcurrentlyThenExactlyOneSignIn() throws Exception {
		register("jane@example.com", "secret-1234");
		String path = requestLinkPath("jane@example.com");
		int attempts = 20;
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
				answers.add(executor.submit(() -> {
					start.await();
					return browser.submit(form, "form.pow-form", Map.of());
				}));
			}
			start.countDown();
			List<String> locations = new ArrayList<>();
			for (Future<Browser.Page> answer : answers) {
				locations.add(answer.get(20, TimeUnit.SECONDS).location());
			}

			assertThat(locations).filteredOn((location) -> location.endsWith("/magic-link/new"))
				.hasSize(attempts - 1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void registrationWhenPasswordBlankAndPasswordsNotOptionalThenFieldError() {
		Browser browser = browser();

		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "kim@example.com", "password", "", "passwordConfirmation", ""));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("#password-error")).isEqualTo("can't be blank");
		assertThat(this.users.getByEmail("kim@example.com")).isEmpty();
	}

}
